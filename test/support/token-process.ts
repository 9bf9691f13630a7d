/** A separate kiosk process that gets a token via the real keychain (restart tests). */
import { openKeychain } from '../../main/core/secrets.js';
import { TokenProvider } from '../../main/core/fhir/token-provider.js';
import { silentLogger } from '../../main/core/log.js';

const [service, tokenUrl, clientId] = process.argv.slice(2) as [string, string, string];
const secrets = await openKeychain(service);
const tokens = new TokenProvider({ tokenUrl, clientId, secrets, log: silentLogger });
const token = await tokens.getToken();
console.log(token.length > 10 ? 'TOKEN-OK' : 'NO-TOKEN', tokens.fetchCount);
