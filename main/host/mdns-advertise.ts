import os from 'node:os';
import Bonjour from 'bonjour-service';

/** DNS-SD service type `_transition-lab._tcp`, browsed by the desktop app's "join nearby session". */
export const MDNS_SERVICE_TYPE = 'transition-lab';

export interface Advertisement {
  stop(): Promise<void>;
}

/**
 * Announces the host on the LAN. The TXT record carries only the app version: session ids and
 * join codes stay out of multicast, which every device on the Wi-Fi can read.
 */
export function advertiseHost(port: number, version: string, log: (line: string) => void): Advertisement {
  const bonjour = new Bonjour.Bonjour({}, (error: Error) => log(`mDNS error: ${error.message}`));
  // The machine name tells participants which laptop is the facilitator's; the port keeps two
  // hosts on one machine apart.
  const name = `Transition Lab on ${os.hostname()} (${port})`;
  const service = bonjour.publish({ name, type: MDNS_SERVICE_TYPE, port, txt: { v: version } });
  service.on('error', (error: Error) => log(`mDNS advertising failed: ${error.message}`));
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        const done = (): void => {
          bonjour.destroy();
          resolve();
        };
        // Goodbye packets, so browsers drop us now instead of at TTL expiry; never wait long.
        const timer = setTimeout(done, 1000);
        bonjour.unpublishAll(() => {
          clearTimeout(timer);
          done();
        });
      });
      return stopped;
    },
  };
}
