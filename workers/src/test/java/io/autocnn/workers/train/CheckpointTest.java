package io.autocnn.workers.train;

import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.model.CnnBuilder;
import io.autocnn.workers.model.LeNet5;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
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

    private static ComputationGraph lenet5() {
        return CnnBuilder.network(LeNet5.spec(), new ImageShape(1, 28, 28), 10);
    }

    @Test
    void aCheckpointReadsBackItsWeightsAndEpochs() throws Exception {
        ComputationGraph network = lenet5();
        Path file = dir.resolve("trial-0.zip");
        Checkpoint.write(network, 2.5, LENET_INPUT, file);

        Checkpoint.Restored restored = Checkpoint.read(file);
        assertThat(restored.epochsTrained()).isEqualTo(2.5);
        assertThat(restored.network().params()).isEqualTo(network.params());
        assertThat(restored.input()).contains(LENET_INPUT);
    }

    /** A small network as DL4J's layer list, the form every network had before they became graphs. */
    private static MultiLayerNetwork layerList() {
        MultiLayerNetwork list = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(3).dataType(DataType.FLOAT).updater(new Adam(1e-2))
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1))
                .build());
        list.init();
        return list;
    }

    @Test
    void aCheckpointWrittenAsALayerListResumesAsTheSameGraph() throws Exception {
        MultiLayerNetwork list = layerList();
        Nd4j.getRandom().setSeed(5);
        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, 4, 1, 28, 28),
                Nd4j.eye(10).getRows(0, 1, 2, 3).castTo(DataType.FLOAT));
        for (int step = 0; step < 3; step++) {
            list.fit(batch);
        }
        Path file = dir.resolve("before-graphs.zip");
        ModelSerializer.writeModel(list, file.toFile(), true);
        ModelSerializer.addObjectToFile(file.toFile(), "autocnn-epochs-trained", 1.5);
        ModelSerializer.addObjectToFile(file.toFile(), "autocnn-model-input", LENET_INPUT.encode());

        Checkpoint.Restored restored = Checkpoint.read(file);

        ComputationGraph graph = restored.network();
        assertThat(restored.epochsTrained()).isEqualTo(1.5);
        assertThat(restored.input()).contains(LENET_INPUT);
        assertThat(graph.params()).isEqualTo(list.params());
        assertThat(graph.getUpdater().getStateViewArray()).isEqualTo(list.getUpdater().getStateViewArray());
        assertThat(graph.getIterationCount()).isEqualTo(3);
        assertThat(graph.getConfiguration().getCacheMode()).isEqualTo(CacheMode.DEVICE);
        assertThat(graph.outputSingle(batch.getFeatures())).isEqualTo(list.output(batch.getFeatures()));
        // The next step, from the same weights and optimizer state, lands on the same weights.
        list.fit(batch);
        graph.fit(batch);
        assertThat(graph.params().sub(list.params()).amaxNumber().doubleValue()).isLessThan(1e-6);
    }

    @Test
    void aZipWhoseConfigurationIsNeitherAGraphNorALayerListIsRefusedWithItsName() throws Exception {
        Path genuine = dir.resolve("genuine.zip");
        Checkpoint.write(lenet5(), 1.0, LENET_INPUT, genuine);
        Path odd = dir.resolve("odd.zip");
        try (ZipFile zip = new ZipFile(genuine.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(odd))) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().equals("configuration.json") ? "{\"layers\": []}".getBytes()
                        : zip.getInputStream(entry).readAllBytes());
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> Checkpoint.read(odd)).isInstanceOf(IOException.class)
                .hasMessageContaining("odd.zip").hasMessageContaining("neither a DL4J graph nor a layer list");
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
