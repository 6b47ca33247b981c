package io.autocnn.coordinator.dispatch;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an application asks of Spark's security, from its options alone (the cluster tests run it for real). */
class SparkContextsTest {

    private static final ClusterSecret SECRET = ClusterSecret.generate();
    private static final SparkOptions CLUSTER = SparkOptions.embedded().withMaster("spark://127.0.0.1:7077");

    @Test
    void withTheClustersSecretTheApplicationAuthenticatesAndKeepsTheSecretInMemory() {
        SparkConf conf = SparkContexts.configuration(CLUSTER.withSecret(SECRET));
        assertThat(conf.get("spark.authenticate")).isEqualTo("true");
        assertThat(conf.get("spark.authenticate.secret")).isEqualTo(SECRET.value());
        assertThat(conf.contains("spark.authenticate.secret.file")).isFalse();
        assertThat(conf.contains("spark.network.crypto.enabled")).as("on loopback").isFalse();
        assertThat(conf.get("spark.ui.enabled")).isEqualTo("false");
    }

    @Test
    void aDriverReachableFromOtherMachinesEncryptsItsTraffic() {
        SparkConf conf = SparkContexts.configuration(CLUSTER.withSecret(SECRET).withDriverHost("198.18.0.1"));
        assertThat(conf.get("spark.network.crypto.enabled")).isEqualTo("true");
        assertThat(conf.get("spark.driver.bindAddress")).isEqualTo("198.18.0.1");
    }

    @Test
    void fixedPortsGoToTheDriversRpcItsBlockManagerAndTheExecutorsOnesTheReportEndpointTakesTheThird() {
        SparkOptions options = CLUSTER.withPorts(30000, 30100);
        SparkConf conf = SparkContexts.configuration(options);
        assertThat(conf.get("spark.driver.port")).isEqualTo("30000");
        assertThat(conf.get("spark.driver.blockManager.port")).isEqualTo("30001");
        assertThat(options.reportPort()).isEqualTo(30002);
        assertThat(conf.get("spark.blockManager.port")).isEqualTo("30100");
        SparkConf free = SparkContexts.configuration(CLUSTER);
        assertThat(free.contains("spark.driver.port") || free.contains("spark.blockManager.port")).isFalse();
        assertThat(CLUSTER.reportPort()).isZero();
    }

    @Test
    void portsOutsideTheUsableRangeAreRefusedNamingTheOption() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CLUSTER.withPorts(65534, 0))
                .hasMessageContaining("--driver-port");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CLUSTER.withPorts(0, 80))
                .hasMessageContaining("--executor-port");
    }

    @Test
    void withoutASecretNothingIsAuthenticated() {
        assertThat(SparkContexts.configuration(CLUSTER).contains("spark.authenticate")).isFalse();
    }
}
