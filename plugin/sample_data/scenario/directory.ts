/**
 * Stable identifiers of the sample organisation's principals (AWS AIDA/AROA ids and AKIA keys, GCP numeric ids,
 * Entra object ids), derived from the seed and the principal's name so that actors and chains agree on them.
 */
import { awsAccessKeyId, awsPrincipalId } from '../ids';
import { Rng } from '../random';
import type { IamUserRef, RoleRef } from '../records/cloudtrail';
import type { AwsAccount } from './org';

export interface IamUserWithKey extends IamUserRef {
  /** The user's long-term access key. */
  accessKeyId: string;
}

export class Directory {
  private readonly memo = new Map<string, unknown>();

  constructor(private readonly seed: number) {}

  private once<T>(label: string, make: (rng: Rng) => T): T {
    if (!this.memo.has(label)) this.memo.set(label, make(Rng.for(this.seed, `directory:${label}`)));
    return this.memo.get(label) as T;
  }

  awsUser(account: AwsAccount, name: string): IamUserWithKey {
    if (!account.users.includes(name)) throw new Error(`${name} is not an IAM user of ${account.alias}`);
    return this.once(`aws-user:${account.id}:${name}`, (rng) => ({
      account: account.id,
      name,
      principalId: awsPrincipalId(rng, 'user'),
      accessKeyId: awsAccessKeyId(rng, false),
    }));
  }

  awsRole(account: AwsAccount, name: string, path = '/'): RoleRef {
    if (!account.roles.includes(name)) throw new Error(`${name} is not an IAM role of ${account.alias}`);
    return this.once(`aws-role:${account.id}:${name}`, (rng) => ({ account: account.id, name, principalId: awsPrincipalId(rng, 'role'), path }));
  }

  /** GCP service accounts and users have a 21-digit unique id. */
  gcpUniqueId(email: string): string {
    return this.once(`gcp:${email}`, (rng) => '1' + rng.digits(20));
  }

  /** Entra object id of a user, service principal or managed identity. */
  azureObjectId(name: string): string {
    return this.once(`azure-oid:${name}`, (rng) => rng.uuid());
  }

  /** Entra application (client) id of an app registration. */
  azureAppId(name: string): string {
    return this.once(`azure-app:${name}`, (rng) => rng.uuid());
  }
}
