package io.autocnn.workers.train;

import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.model.CnnBuilder;
import io.autocnn.workers.model.LeNet5;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointTest {

    /** Records whether a Java deserialiser ever built one: what a gadget chain needs to get going. */
    static final class Gadget implements Serializable {
        static volatile boolean built;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            built = true;
        }
    }

    @TempDir
    Path dir;

    private static final ModelInput LENET_INPUT = new ModelInput(new ImageShape(1, 28, 28),
            java.util.stream.IntStream.range(0, 10).mapToObj(i -> "class " + i).toList());

    private static MultiLayerNetwork lenet5() {
        return CnnBuilder.network(LeNet5.spec(), new ImageShape(1, 28, 28), 10);
    }

    @Test
    void aCheckpointReadsBackItsWeightsAndEpochs() throws Exception {
        MultiLayerNetwork network = lenet5();
        Path file = dir.resolve("trial-0.zip");
        Checkpoint.write(network, 2.5, LENET_INPUT, file);

        Checkpoint.Restored restored = Checkpoint.read(file);
        assertThat(restored.epochsTrained()).isEqualTo(2.5);
        assertThat(restored.network().params()).isEqualTo(network.params());
        assertThat(restored.input()).contains(LENET_INPUT);
    }

    @Test
    void anEntryHoldingAnythingButItsOwnTypeIsRefusedWithoutBuildingIt() throws Exception {
        Path genuine = dir.resolve("genuine.zip");
        Checkpoint.write(lenet5(), 1.0, LENET_INPUT, genuine);
        ByteArrayOutputStream gadget = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(gadget)) {
            out.writeObject(new Gadget());
        }
        for (String entryName : new String[] {"objects/autocnn-epochs-trained", "objects/autocnn-model-input"}) {
            Path crafted = dir.resolve("crafted-" + entryName.substring(8) + ".zip");
            try (ZipFile zip = new ZipFile(genuine.toFile());
                 ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(crafted))) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(entry.getName().equals(entryName) ? gadget.toByteArray()
                            : zip.getInputStream(entry).readAllBytes());
                    out.closeEntry();
                }
            }

            Gadget.built = false;
            assertThatThrownBy(() -> Checkpoint.read(crafted)).as(entryName).isInstanceOf(IOException.class)
                    .hasMessageContaining("refused");
            assertThat(Gadget.built).as("the crafted object was never built").isFalse();
        }
    }

    @Test
    void aModelZipWithoutTheEpochsEntryIsNotACheckpoint() throws Exception {
        Path plain = dir.resolve("plain.zip");
        lenet5().save(plain.toFile(), true);
        assertThatThrownBy(() -> Checkpoint.read(plain)).isInstanceOf(IOException.class)
                .hasMessageContaining("not an AutoCNN checkpoint");
    }
}
