package io.autocnn.coordinator.dispatch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Where traffic to an address goes. */
public final class Addresses {

    private Addresses() {
    }

    /** Whether {@code host} is this machine's loopback (traffic that never leaves it); false when it does not resolve. */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
