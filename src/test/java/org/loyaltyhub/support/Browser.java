package org.loyaltyhub.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real headless Chromium (Debian's package) driven by Playwright. Every page records console errors and failed
 * requests, so a test can fail on any of them; screenshots go to target/screenshots.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());

    public Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /** A fresh browser profile (no cookies) at a phone or desktop size, in a language. */
    public Page open(int width, int height, String locale) {
        return open(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, height)
                .setLocale(locale));
    }

    /** A fresh browser profile with these options (e.g. trusting a local stub's self-signed certificate). */
    public Page open(com.microsoft.playwright.Browser.NewContextOptions options) {
        BrowserContext context = chromium.newContext(options);
        // counts htmx's settled swaps: htmx wires the listeners of swapped-in content only when it settles, so a
        // test that acts on new content must wait for that, not only for the response (see answered)
        context.addInitScript("document.addEventListener('htmx:afterSettle', function () {"
                + " window.__settled = (window.__settled || 0) + 1; });");
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            // htmx reports a request it aborted on purpose (a sale confirmed while its preview was on the way: the
            // form's hx-sync replaces it) as errors; a failed answer still shows as htmx:responseError
            if ("error".equals(m.type()) && !m.text().startsWith("htmx:sendAbort")
                    && !m.text().startsWith("htmx:afterRequest")) {
                errors.add(page.url() + ": " + m.text());
            }
        });
        page.onPageError(e -> errors.add(page.url() + ": " + e));
        page.onResponse(r -> {
            if (r.status() == 404) {
                errors.add("404 for " + r.url());
            }
        });
        return page;
    }

    public Page desktop(String locale) {
        return open(1280, 800, locale);
    }

    public Page phone(String locale) {
        return open(390, 844, locale);
    }

    /** Signs in on the sign-in page of the server at {@code base} (labels in English or Italian). */
    public static void signIn(Page page, String base, Api.Login login) {
        page.navigate(base + "/login");
        page.locator("#email").fill(login.email());
        page.locator("#password").fill(login.password());
        page.locator("form button[type=submit]").click();
        // the answer to the sign-in is a redirect away from the bare form (to the role's page, or back with ?error):
        // wait for it, so the next navigation does not race the session cookie
        page.waitForURL(u -> !u.equals(base + "/login"));
    }

    /**
     * Does something on the page that makes an htmx request to an address ending with {@code path}, and waits for that request's answer
     * (never for a time): once the page has loaded, so htmx is listening.
     */
    public static void answered(Page page, String path, Runnable action) {
        page.waitForLoadState();
        Object settled = page.evaluate("window.__settled || 0");
        page.waitForResponse(r -> r.request().headerValue("hx-request") != null
                && java.net.URI.create(r.url()).getPath().endsWith(path), action);
        try {
            // and for its swap to settle, when it swaps anything (an answer htmx does not swap settles nothing)
            page.waitForFunction("n => (window.__settled || 0) > n", settled,
                    new Page.WaitForFunctionOptions().setTimeout(5_000));
        } catch (com.microsoft.playwright.TimeoutError nothingSwapped) {
            // the page is as the answer left it
        }
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Console errors and uncaught exceptions seen so far, on any page. */
    public List<String> errors() {
        return errors;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
