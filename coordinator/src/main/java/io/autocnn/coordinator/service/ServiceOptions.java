package io.autocnn.coordinator.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;

/**
 * How the coordinator service runs.
 *
 * @param host          the address it binds (127.0.0.1 by default); any other needs an access token
 * @param port          0 for a free port
 * @param dataDirectory the store, checkpoints and models
 * @param datasetRoot   the only folder request dataset paths may name things under
 * @param access        the tokens calls must carry; {@link AccessTokens#NONE} leaves every call open
 * @param extraHosts    Host header values accepted besides the bound address and localhost (e.g. a DNS name)
 * @param maxBodyBytes  larger request bodies are answered 413
 * @param maxRunningExperiments experiments that may run at once; creating or resuming one more is answered 429
 */
public record ServiceOptions(String host, int port, Path dataDirectory, Path datasetRoot, AccessTokens access,
                             List<String> extraHosts, int maxBodyBytes, int maxRunningExperiments) {

    /** Each running experiment holds a thread and its trials' share of the Spark slots. */
    public static final int DEFAULT_MAX_RUNNING_EXPERIMENTS = 16;

    public ServiceOptions {
        if (!isLoopback(host) && !access.required()) {
            throw new IllegalArgumentException("binding " + host + " exposes the service beyond this machine: "
                    + "give an access token (--token-file) or bind 127.0.0.1");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
        }
        if (maxRunningExperiments < 1 || maxRunningExperiments > 1_000) {
            throw new IllegalArgumentException("the number of experiments running at once must be from 1 to 1000, got "
                    + maxRunningExperiments);
        }
        extraHosts = List.copyOf(extraHosts);
    }

    public static ServiceOptions loopback(Path dataDirectory) {
        return new ServiceOptions("127.0.0.1", 0, dataDirectory, dataDirectory.resolve("datasets"), AccessTokens.NONE,
                List.of(), 1 << 20, DEFAULT_MAX_RUNNING_EXPERIMENTS);
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the bind address '" + host + "'", e);
        }
    }

    public ServiceOptions withAccess(AccessTokens value) {
        return new ServiceOptions(host, port, dataDirectory, datasetRoot, value, extraHosts, maxBodyBytes,
                maxRunningExperiments);
    }

    public ServiceOptions withPort(int value) {
        return new ServiceOptions(host, value, dataDirectory, datasetRoot, access, extraHosts, maxBodyBytes,
                maxRunningExperiments);
    }

    public ServiceOptions withMaxRunningExperiments(int value) {
        return new ServiceOptions(host, port, dataDirectory, datasetRoot, access, extraHosts, maxBodyBytes, value);
    }

    public ServiceOptions withHost(String value, List<String> hosts) {
        return new ServiceOptions(value, port, dataDirectory, datasetRoot, access, hosts, maxBodyBytes,
                maxRunningExperiments);
    }
}
