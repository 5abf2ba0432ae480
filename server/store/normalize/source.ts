import type { EventSource } from '../../../common/audit_event';
import { clip, MAX_USER_AGENT } from './clip';
import { intern } from './intern';
import { ipOfAddress } from './ip';

/** The caller as logged: an IP literal goes to `ip`, anything else (`ec2.amazonaws.com`, `private`) to `address`. */
export function callerSource(address: string | undefined, userAgent: string | undefined): EventSource {
  const source: EventSource = {};
  if (address !== undefined) {
    const ip = ipOfAddress(address);
    if (ip !== undefined) source.ip = ip;
    else source.address = clip(address);
  }
  if (userAgent !== undefined) source.userAgent = intern(clip(userAgent, MAX_USER_AGENT));
  return source;
}
