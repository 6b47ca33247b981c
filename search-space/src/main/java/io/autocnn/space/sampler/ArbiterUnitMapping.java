package io.autocnn.space.sampler;

import io.autocnn.space.definition.Domain;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.distribution.LogUniformDistribution;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps a point of the unit interval to a parameter value with Arbiter 1.0.0-beta7's parameter spaces (the product
 * card names Arbiter; docs/arbiter.md says what of it is used and why not more). Each {@link Domain} becomes one leaf
 * space: {@code IntegerParameterSpace} for linear integer ranges, {@code ContinuousParameterSpace} for real ranges
 * (with Arbiter's {@code LogUniformDistribution} when log), {@code DiscreteParameterSpace} for choices. A log integer
 * range has no Arbiter counterpart; it is a log-uniform real over [min, max + 1) rounded down, which is what
 * {@link Domain.IntRange#fromUnit} does. The results equal {@code Domain.fromUnit} (ArbiterUnitMappingTest) except
 * at exact multiples k/n of the unit interval, where Arbiter's integer space takes the lower of two values; a uniform
 * draw lands there with probability about n / 2^53. The conditional, per-layer structure stays in
 * {@link io.autocnn.space.definition.SearchSpace}, which Arbiter cannot express; the value mapping is Arbiter's.
 */
final class ArbiterUnitMapping {

    /** Arbiter leaf spaces are stateless once their index is set; one per distinct domain is enough. */
    private static final Map<Domain, ParameterSpace<?>> SPACES = new ConcurrentHashMap<>();

    private ArbiterUnitMapping() {
    }

    /** The value of {@code domain} at {@code unit} in [0, 1): Integer, Double or one of the choices. */
    static Object fromUnit(Domain domain, double unit) {
        if (domain instanceof Domain.Fixed fixed) {
            return fixed.value();
        }
        if (domain instanceof Domain.FloatRange range && range.min() == range.max()) {
            return range.min();
        }
        Object value = SPACES.computeIfAbsent(domain, ArbiterUnitMapping::leaf).getValue(new double[] {unit});
        if (domain instanceof Domain.IntRange range && range.log()) {
            return (int) Math.max(range.min(), Math.min(range.max(), Math.floor(((Number) value).doubleValue())));
        }
        if (domain instanceof Domain.FloatRange range) {
            return Math.max(range.min(), Math.min(range.max(), (Double) value));
        }
        return value;
    }

    /** Fixed domains and empty real ranges never get here: they have one value and need no mapping. */
    private static ParameterSpace<?> leaf(Domain domain) {
        ParameterSpace<?> leaf;
        if (domain instanceof Domain.IntRange range) {
            leaf = range.log() && range.min() < range.max()
                    ? new ContinuousParameterSpace(new LogUniformDistribution(range.min(), range.max() + 1.0))
                    : new IntegerParameterSpace(range.min(), range.max());
        } else if (domain instanceof Domain.FloatRange range) {
            leaf = range.log() ? new ContinuousParameterSpace(new LogUniformDistribution(range.min(), range.max()))
                    : new ContinuousParameterSpace(range.min(), range.max());
        } else {
            leaf = new DiscreteParameterSpace<>(((Domain.Categorical) domain).choices());
        }
        leaf.setIndices(0);
        return leaf;
    }
}
