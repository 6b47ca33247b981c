package io.autocnn.coordinator.service;

import io.autocnn.coordinator.service.AccessTokens.Access;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokensTest {

    private static final String FULL = "full-token-0123456789";
    private static final String READ = "read-token-0123456789";
    private final AccessTokens tokens = new AccessTokens(Optional.of(FULL), Optional.of(READ));

    @Test
    void eachTokenAllowsWhatItIsFor() {
        assertThat(tokens.ofBearer(FULL)).isEqualTo(Access.FULL);
        assertThat(tokens.ofBearer(READ)).isEqualTo(Access.READ);
        assertThat(tokens.ofBearer(FULL + "x")).isEqualTo(Access.NONE);
        assertThat(tokens.ofBearer("")).isEqualTo(Access.NONE);
        assertThat(tokens.ofBearer(null)).isEqualTo(Access.NONE);
        assertThat(AccessTokens.NONE.ofBearer(FULL)).isEqualTo(Access.NONE);
        assertThat(AccessTokens.NONE.required()).isFalse();
        assertThat(tokens.required()).isTrue();
    }

    @Test
    void theSessionCookieAllowsReadsIsNotATokenAndChangesWithTheToken() {
        String cookie = tokens.sessionCookie().orElseThrow();
        assertThat(cookie).isNotIn(FULL, READ).hasSize(64);
        assertThat(tokens.ofSessionCookie(cookie)).isEqualTo(Access.READ);
        assertThat(tokens.ofSessionCookie(FULL)).isEqualTo(Access.NONE);
        assertThat(AccessTokens.of("another-token-0123456789").sessionCookie()).get().isNotEqualTo(cookie);
        assertThat(AccessTokens.NONE.sessionCookie()).isEmpty();
    }

    @Test
    void badCombinationsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new AccessTokens(Optional.empty(), Optional.of(READ)))
                .hasMessageContaining("(--read-token-file) needs an access token");
        assertThatThrownBy(() -> AccessTokens.of("short")).hasMessageContaining("at least 16 characters");
        assertThatThrownBy(() -> new AccessTokens(Optional.of(FULL), Optional.of("short")))
                .hasMessageContaining("read-only token must have at least 16");
        assertThatThrownBy(() -> new AccessTokens(Optional.of(FULL), Optional.of(FULL)))
                .hasMessageContaining("must differ");
        assertThat(tokens.toString()).doesNotContain(FULL, READ);
    }
}
