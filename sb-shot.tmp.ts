import { launchChromium, withPage } from "/work/main/test/e2e/chromium.ts";
const browser = await launchChromium();
try {
  for (const id of ["forms-signup--server-errors", "catalog--all-forms", "widgets-radio-select--disabled"]) {
    await withPage(browser, id, async (page) => {
      await page.setViewportSize({ width: 800, height: 1000 });
      await page.goto(`http://127.0.0.1:6123/iframe.html?id=${id}&viewMode=story`);
      await page.waitForTimeout(2500);
      await page.screenshot({ path: `/tmp/${id}.png`, fullPage: false });
      console.log(id, await page.locator("form").count(), "forms");
    });
  }
} finally { await browser.close(); }
