package io.autocnn.space.sampler;

import io.autocnn.space.definition.Domain;
import io.autocnn.space.spec.PoolingType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Arbiter's parameter spaces, as the random sampler uses them, give the values of our own mapping. */
class ArbiterUnitMappingTest {

    private static final List<Domain> DOMAINS = List.of(
            new Domain.IntRange(2, 3, false),
            new Domain.IntRange(1, 1024, false),
            new Domain.IntRange(6, 128, true),
            new Domain.IntRange(7, 7, true),
            new Domain.FloatRange(0.0, 0.5, false),
            new Domain.FloatRange(0.0003, 0.01, true),
            new Domain.FloatRange(0.25, 0.25, false),
            new Domain.Categorical(List.of(3, 5)),
            new Domain.Categorical(List.of(0.001, 0.01, 0.1)),
            new Domain.Categorical(List.of(PoolingType.MAX, PoolingType.NONE, PoolingType.AVG)));

    @Test
    void arbiterSpacesMapTheUnitIntervalLikeDomainFromUnit() {
        SplittableRandom random = new SplittableRandom(11);
        for (Domain domain : DOMAINS) {
            for (int i = 0; i < 5_000; i++) {
                double u = i == 0 ? 0.0 : i == 1 ? Math.nextDown(1.0) : random.nextDouble();
                assertThat(ArbiterUnitMapping.fromUnit(domain, u)).as("%s at %s", domain, u)
                        .isEqualTo(UnitScale.fromUnit(domain, u));
            }
        }
    }

    /**
     * The one difference, pinned so it stays known: at an exact multiple k/n of the unit interval Arbiter's integer
     * space (commons-math's inverse distribution function) takes the lower value, Domain the upper one. A uniform
     * double hits such a point with probability about n / 2^53, so the random sampler's distribution is the same.
     */
    @Test
    void integerBoundariesAreTheOnlyDifference() {
        Domain.IntRange depth = new Domain.IntRange(2, 3, false);
        assertThat(ArbiterUnitMapping.fromUnit(depth, 0.5)).isEqualTo(2);
        assertThat(depth.fromUnit(0.5)).isEqualTo(3);
        assertThat(ArbiterUnitMapping.fromUnit(depth, Math.nextUp(0.5))).isEqualTo(3);
        assertThat(ArbiterUnitMapping.fromUnit(depth, Math.nextDown(0.5))).isEqualTo(2);
    }

    @Test
    void randomSamplerValuesAreInTheirDomainsAndCoverThem() {
        Domain.IntRange filters = new Domain.IntRange(6, 128, true);
        SplittableRandom random = new SplittableRandom(3);
        RandomChooser chooser = new RandomChooser(random);
        List<Object> drawn = IntStream.range(0, 2_000)
                .mapToObj(i -> chooser.choose("convBlocks[0].filters", filters)).toList();
        assertThat(drawn).allSatisfy(v -> assertThat((Integer) v).isBetween(6, 128));
        // Log-uniform: about half the draws fall below the geometric middle sqrt(6 * 129) ~ 27.8.
        long below = drawn.stream().filter(v -> (Integer) v <= 27).count();
        assertThat(below).isBetween(900L, 1_100L);
        assertThat(drawn).contains(6, 128);
    }
}
