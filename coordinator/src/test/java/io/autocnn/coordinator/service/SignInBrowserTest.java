package io.autocnn.coordinator.service;

import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.SyntheticExperiment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leaderboard page in headless Chromium against a service with an access token: it asks for a token, refuses a
 * wrong one, and with the read-only token shows the experiments, their trials and the live stream (which cannot carry
 * a header: the session cookie lets it through), the cookie out of the page's scripts' reach.
 */
@Tag("slow")
class SignInBrowserTest {

    private static final String TOKEN = "sign-in-token-0123456789";
    private static final String READ_TOKEN = "sign-in-read-token-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    private static ServiceInBrowser running;
    private static SyntheticExperiment experiment;

    @BeforeAll
    static void start() {
        SqliteTrialStore store = SqliteTrialStore.open(dataDir.resolve("autocnn.db"));
        experiment = SyntheticExperiment.load(store, "behind-a-token", 6);
        running = ServiceInBrowser.start(ServiceOptions.loopback(dataDir)
                .withAccess(new AccessTokens(Optional.of(TOKEN), Optional.of(READ_TOKEN))), store, 1);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static String text(String css) {
        Object value = running.browser().script("const e = document.querySelector(arguments[0]);"
                + " return e ? e.textContent : null;", css);
        return value == null ? null : value.toString();
    }

    private static void signIn(String token) {
        HeadlessChromium browser = running.browser();
        browser.find("#token").clear();
        browser.find("#token").sendKeys(token);
        browser.find("#sign-in button").click();
    }

    @Test
    void thePageAsksForATokenRefusesAWrongOneAndReadsWithTheReadOnlyOne() throws Exception {
        HeadlessChromium browser = running.browser();
        browser.open(running.plainPage(""));
        HeadlessChromium.await("the sign-in form", WAIT, () -> text("#sign-in") != null);
        assertThat(text("#experiments")).isNull();

        signIn("not-the-token-0123456789");
        HeadlessChromium.await("the refusal", WAIT, () -> String.valueOf(text("#sign-in-message")).contains("401"));
        assertThat(text("#experiments")).isNull();

        signIn(READ_TOKEN);
        HeadlessChromium.await("the experiments", WAIT, () -> text("#experiments") != null);
        assertThat(text("#experiments")).contains("behind-a-token", experiment.id());
        assertThat(browser.script("return document.cookie;").toString()).doesNotContain(AccessTokens.SESSION_COOKIE);

        browser.open(running.plainPage("experiments/" + experiment.id()));
        HeadlessChromium.await("six trials", WAIT, () -> browser.tableRows().size() == 6);
        HeadlessChromium.await("the live stream", WAIT, () -> "live".equals(text("#connection")));
    }
}
