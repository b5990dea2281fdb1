// `interfaces`: /proc/net/dev counters, and rates from two samples.

import { failedReport } from '../../../core/command';
import { humanBytes, table } from '../format';
import { type NetDevice, readNetDev } from '../netDev';
import { sleep } from '../procfs';
import { intervalOption, okReport, type Reading } from '../report';

export interface InterfaceData extends NetDevice {
  /** Bytes and packets per second over the interval (absent without counters). */
  rates?: { rxBytes: number; txBytes: number; rxPackets: number; txPackets: number };
}

export interface InterfacesData {
  intervalMs: number;
  interfaces: InterfaceData[];
}

export function ratesBetween(before: NetDevice[], after: NetDevice[], intervalMs: number): InterfaceData[] {
  const earlier = new Map(before.map((d) => [d.name, d]));
  return after.map((d) => {
    const b = earlier.get(d.name);
    if (!b?.rx || !b.tx || !d.rx || !d.tx) return { ...d };
    // A counter that went backwards was reset (device re-created): no rate rather than a negative one.
    const per = (x: number, y: number) => (y >= x ? ((y - x) * 1000) / intervalMs : 0);
    return { ...d, rates: { rxBytes: per(b.rx.bytes, d.rx.bytes), txBytes: per(b.tx.bytes, d.tx.bytes), rxPackets: per(b.rx.packets, d.rx.packets), txPackets: per(b.tx.packets, d.tx.packets) } };
  });
}

export function renderInterfaces(data: InterfacesData): string {
  const rows = data.interfaces.map((d) =>
    d.rx && d.tx
      ? [d.name, String(d.rx.bytes), String(d.rx.packets), String(d.rx.errs), String(d.rx.drop), String(d.tx.bytes), String(d.tx.packets), String(d.tx.errs), String(d.tx.drop), d.rates ? `${humanBytes(d.rates.rxBytes)}/s` : '', d.rates ? `${humanBytes(d.rates.txBytes)}/s` : '']
      : [d.name, 'no statistics', '', '', '', '', '', '', '', '', ''],
  );
  return (
    table(['Interface', 'RX bytes', 'RX packets', 'RX errs', 'RX drop', 'TX bytes', 'TX packets', 'TX errs', 'TX drop', 'RX rate', 'TX rate'], rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right']) +
    `\nRates over ${(data.intervalMs / 1000).toFixed(1)} s. RX drop counts dropped + missed (ip -s link shows them apart).\n`
  );
}

export const interfacesReading: Reading = async (input) => {
  const intervalMs = intervalOption(input);
  const first = await readNetDev();
  if (!first.ok) return failedReport('Network interfaces', first.error.message);
  await sleep(intervalMs);
  const second = await readNetDev();
  if (!second.ok) return failedReport('Network interfaces', second.error.message);
  const data: InterfacesData = { intervalMs, interfaces: ratesBetween(first.value, second.value, intervalMs) };
  return okReport('Network interfaces', renderInterfaces(data), data);
};
