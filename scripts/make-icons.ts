// Renders assets/icon.svg to the PNG sizes the stores and browsers ask for, with headless Chromium.
import { mkdir, readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from './chromium-path.ts';

const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
await mkdir(new URL('../public/icon/', import.meta.url), { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: new URL(`../public/icon/${size}.png`, import.meta.url).pathname, omitBackground: true });
}
await browser.close();
console.log('Wrote public/icon/{16,32,48,128}.png');
