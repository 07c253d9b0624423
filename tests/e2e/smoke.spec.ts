import { expect, test } from './fixtures';

test('a fresh database shows the demo batch’s 28 cases with no script errors', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByText('“建设项目水、电、气、暖现场一次联办模式”复制推广典型案例')).toBeVisible();
  await expect(page.getByText('“优化涉税事项办理程序，压缩办理时限”复制推广典型案例')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('token')).toBeNull(); // the token left the address bar
  expect(web.consoleErrors).toEqual([]);
});
