/** JSON values as the providers' records hold them. Keys set to undefined are left out when serialized. */
export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json | undefined;
}
