// Sunrise, sunset, dawn and dusk of every day of 2026 in the five zones of the
// golden tables, from the solar library opening_hours.js uses (suncalc), read
// as opening_hours.js reads them: the event on the local day, truncated to the
// local minute (minutes from local midnight; null: none that day).
//
// Run from this folder after `npm ci`:
//   node make_sun_times.mjs > sun_times.json
import * as SunCalc from 'suncalc';
// For each zone and each day of 2026, the local minutes of each event on that local day (as opening_hours.js picks it).
const places = [
  ['Europe/Berlin', '48.7758', '9.1829'],
  ['Europe/Paris', '48.8566', '2.3522'],
  ['America/New_York', '40.7128', '-74.0060'],
  ['Australia/Sydney', '-33.8688', '151.2093'],
  ['Asia/Kolkata', '22.5726', '88.3639'],
];
const out = { places, events: ['sunrise', 'sunset', 'dawn', 'dusk'], days: {} };
for (const [zone, lat, lon] of places) {
  process.env.TZ = zone;
  const rows = [];
  for (let d = new Date(2026, 0, 1); d.getFullYear() === 2026; d.setDate(d.getDate() + 1)) {
    const key = d.getFullYear()*10000 + (d.getMonth()+1)*100 + d.getDate();
    const row = [key];
    for (const ev of ['sunrise','sunset','dawn','dusk']) {
      let found = null;
      for (const off of [0,-1,1]) {
        const p = new Date(d); p.setDate(p.getDate()+off);
        const t = SunCalc.getTimes(p, Number(lat), Number(lon))[ev];
        if (t instanceof Date) {
          const k = t.getFullYear()*10000 + (t.getMonth()+1)*100 + t.getDate();
          if (k === key) { found = t.getHours()*60 + t.getMinutes(); break; }
        }
      }
      row.push(found);
    }
    rows.push(row);
  }
  out.days[zone] = rows;
}
console.log(JSON.stringify(out));
