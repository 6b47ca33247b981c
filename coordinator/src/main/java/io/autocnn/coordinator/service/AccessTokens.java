package io.autocnn.coordinator.service;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The service's credentials. Without a token everything is open (the service is then on loopback). With one, every
 * call but the page's own files, {@code /health} and {@code /openapi.yaml} needs a credential: the token for
 * anything, the read-only token (when there is one) for reads. A browser page cannot put a header on its event
 * stream, so it trades a token for a session cookie that allows reads only; the cookie is derived from the token, so
 * it holds no server state and stops working when the token changes.
 *
 * @param full     allows every call
 * @param readOnly allows GET and HEAD only; needs {@code full}
 */
public record AccessTokens(Optional<String> full, Optional<String> readOnly) {

    public static final AccessTokens NONE = new AccessTokens(Optional.empty(), Optional.empty());
    public static final String SESSION_COOKIE = "autocnn-session";
    private static final int MIN_LENGTH = 16;

    /** What a credential allows, weakest first. */
    public enum Access { NONE, READ, FULL }

    public AccessTokens {
        if (readOnly.isPresent() && full.isEmpty()) {
            throw new IllegalArgumentException("a read-only token (--read-token-file) needs an access token "
                    + "(--token-file) as well: without one every call is open anyway");
        }
        requireLength(full, "the access token");
        requireLength(readOnly, "the read-only token");
        if (readOnly.isPresent() && readOnly.equals(full)) {
            throw new IllegalArgumentException("the read-only token must differ from the access token");
        }
    }

    public static AccessTokens of(String full) {
        return new AccessTokens(Optional.of(full), Optional.empty());
    }

    public boolean required() {
        return full.isPresent();
    }

    /** What the bearer token of a request allows. */
    public Access ofBearer(String presented) {
        if (matches(full, presented)) {
            return Access.FULL;
        }
        return matches(readOnly, presented) ? Access.READ : Access.NONE;
    }

    /** What a session cookie's value allows: reads when it is the one {@link #sessionCookie} hands out. */
    public Access ofSessionCookie(String presented) {
        return matches(sessionCookie(), presented) ? Access.READ : Access.NONE;
    }

    /** The session cookie's value; empty without a token. */
    public Optional<String> sessionCookie() {
        return full.map(token -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal("autocnn read session".getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
    }

    private static boolean matches(Optional<String> expected, String presented) {
        return expected.isPresent() && presented != null && MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static void requireLength(Optional<String> token, String what) {
        if (token.isPresent() && token.get().length() < MIN_LENGTH) {
            throw new IllegalArgumentException(what + " must have at least " + MIN_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "AccessTokens[" + (full.isPresent() ? "token" : "open") + (readOnly.isPresent() ? ", read-only" : "")
                + "]";
    }
}
