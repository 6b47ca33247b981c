package io.autocnn.coordinator.dispatch;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.status.api.v1.ExecutorSummary;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The network addresses of a cluster application's live executors, the only peers the {@link ReportEndpoint} accepts
 * reports from on a cluster. Kept up to date from Spark's listener bus (executors added and removed), where host
 * names are resolved, so that the endpoint's check on the event loop is a set lookup and never a DNS query. The
 * driver's own entry is left out: the coordinator's tasks all run on executors.
 */
final class ExecutorAddresses extends SparkListener {

    private static final String DRIVER = "driver";

    /**
     * Each executor's resolved addresses, by executor id. A removed executor keeps an empty entry: Spark never gives
     * its id to another executor, and the entry stops the executors listed at start from bringing it back.
     */
    private final Map<String, Set<String>> byExecutor = new ConcurrentHashMap<>();

    ExecutorAddresses() {
    }

    /** Follows {@code spark}'s executors from now on, starting with those it already has. */
    static ExecutorAddresses of(JavaSparkContext spark) {
        ExecutorAddresses addresses = new ExecutorAddresses();
        // The listener first, then the executors already there: one added in between is seen by both, harmlessly,
        // and one removed in between stays removed.
        spark.sc().addSparkListener(addresses);
        for (ExecutorSummary executor : CollectionConverters.asJava(spark.sc().statusStore().executorList(true))) {
            addresses.listedAtStart(executor.id(), executor.hostPort());
        }
        return addresses;
    }

    /** An executor the application had when this started following it, unless the listener has seen it go since. */
    void listedAtStart(String executor, String hostPort) {
        if (!DRIVER.equals(executor)) {
            resolve(executor, host(hostPort)).ifPresent(addresses -> byExecutor.putIfAbsent(executor, addresses));
        }
    }

    /** The host of an executor's {@code hostPort} as Spark lists it: {@code h}, {@code h:port} or {@code [v6]:port}. */
    private static String host(String hostPort) {
        if (hostPort.startsWith("[")) {
            return hostPort.substring(1, hostPort.indexOf(']'));
        }
        int colon = hostPort.indexOf(':');
        boolean hostAndPort = colon >= 0 && colon == hostPort.lastIndexOf(':');
        return hostAndPort ? hostPort.substring(0, colon) : hostPort;
    }

    /** Whether {@code peer} (an address as the endpoint's connection reports it) is a live executor's. */
    boolean contains(String peer) {
        String normalised = literal(peer);
        return byExecutor.values().stream().anyMatch(set -> set.contains(normalised));
    }

    @Override
    public void onExecutorAdded(SparkListenerExecutorAdded added) {
        if (!DRIVER.equals(added.executorId())) {
            resolve(added.executorId(), added.executorInfo().executorHost())
                    .ifPresent(addresses -> byExecutor.put(added.executorId(), addresses));
        }
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        byExecutor.put(removed.executorId(), Set.of());
    }

    private static Optional<Set<String>> resolve(String executor, String host) {
        try {
            return Optional.of(Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress)
                    .collect(Collectors.toUnmodifiableSet()));
        } catch (UnknownHostException e) {
            LoggerFactory.getLogger(ExecutorAddresses.class).warn("executor {} is on host {}, which does not resolve: "
                    + "its live reports will be refused (its results still arrive through Spark)", executor, host);
            return Optional.empty();
        }
    }

    /** The same text {@link InetAddress#getHostAddress()} gives, for an address literal (no lookup is made). */
    private static String literal(String address) {
        try {
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
