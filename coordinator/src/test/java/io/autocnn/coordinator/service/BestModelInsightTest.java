package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.coordinator.store.ExperimentStatus;
import io.autocnn.coordinator.store.TrialRow;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.data.IdxDataset;
import io.autocnn.workers.data.LabeledImages;
import io.autocnn.workers.data.ValidationSplit;
import io.autocnn.workers.model.CnnBuilder;
import io.autocnn.workers.model.LeNet5;
import io.autocnn.workers.train.Checkpoint;
import io.autocnn.workers.train.ModelInput;
import io.autocnn.workers.train.TrainingData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The best model's insight cache: one experiment's model loading holds up no other's view; failures are retried. */
class BestModelInsightTest {

    private static final int TEST_IMAGES = 40;
    private static TrainingData data;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadData() {
        IdxDataset fashion = IdxDataset.fashionMnist(IdxDataset.FASHION_MNIST_DEFAULT_DIR);
        LabeledImages train = ValidationSplit.sample(fashion.train(), 100, 1);
        data = TrainingData.of(train, train, ValidationSplit.sample(fashion.test(), TEST_IMAGES, 2));
    }

    /** An untrained LeNet-5 saved as a trial's checkpoint: what the insight reads does not depend on training. */
    private Path checkpoint(String name) throws IOException {
        Path file = dir.resolve(name + ".zip");
        Checkpoint.write(CnnBuilder.network(LeNet5.spec(), data.shape(), data.classNames().size()), 1,
                new ModelInput(data.shape(), data.classNames()), file);
        return file;
    }

    private static ExperimentRecord experiment(String id) {
        return new ExperimentRecord(id, id, ExperimentStatus.COMPLETED, "", "{}", "", Instant.EPOCH, Instant.EPOCH);
    }

    private static TrialRow best() {
        return new TrialRow(0, 1, TrialState.COMPLETED, Optional.empty(), "", "{}", TrialSpecJson.write(LeNet5.spec()),
                1, 61_706, 416_520, Optional.empty(), OptionalLong.empty(), OptionalDouble.empty(),
                OptionalDouble.of(0.2), OptionalDouble.empty(), 1, Instant.EPOCH);
    }

    @Test
    void aModelStillLoadingHoldsUpNeitherAnotherExperimentsViewNorItsDeletion() throws Exception {
        BestModelInsight insight = new BestModelInsight();
        Path slowCheckpoint = checkpoint("slow");
        Path otherCheckpoint = checkpoint("other");
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService viewer = Executors.newSingleThreadExecutor();
        try {
            // The first experiment's data takes until released to prepare (as a large dataset's first read does).
            Future<ObjectNode> slow = viewer.submit(() -> insight.of(experiment("exp-slow"), best(), slowCheckpoint,
                    () -> {
                        loading.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return data;
                    }, 0));
            assertThat(loading.await(60, TimeUnit.SECONDS)).isTrue();

            ObjectNode other = CompletableFuture.supplyAsync(() -> insight.of(experiment("exp-other"), best(),
                    otherCheckpoint, () -> data, 3)).get(120, TimeUnit.SECONDS);
            assertThat(other.path("image").path("index").asInt()).isEqualTo(3);
            assertThat(other.path("testImages").asInt()).isEqualTo(TEST_IMAGES);
            CompletableFuture.runAsync(() -> insight.forget("exp-other")).get(120, TimeUnit.SECONDS);
            assertThat(slow).isNotDone();

            release.countDown();
            assertThat(slow.get(120, TimeUnit.SECONDS).path("trial").asInt()).isZero();
        } finally {
            release.countDown();
            viewer.shutdownNow();
        }
    }

    @Test
    void aModelThatFailedToLoadIsLoadedAgainByTheNextView() throws IOException {
        BestModelInsight insight = new BestModelInsight();
        Path notYetWritten = dir.resolve("late.zip");
        assertThatThrownBy(() -> insight.of(experiment("exp-late"), best(), notYetWritten, () -> data, 0))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("late.zip");
        checkpoint("late");
        assertThat(insight.of(experiment("exp-late"), best(), notYetWritten, () -> data, 1).path("image")
                .path("index").asInt()).isEqualTo(1);
    }
}
