package io.autocnn.space.sampler;

import io.autocnn.space.definition.Domain;
import io.autocnn.space.definition.GroupSpace;
import io.autocnn.space.definition.Parameter;
import io.autocnn.space.definition.SearchSpace;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts the points of a discrete space without enumerating them, so an impossible grid is refused with its size.
 * Layers of a group do not depend on each other (a condition only looks at earlier parameters of the same layer) and
 * groups do not depend on each other, so with L points per conv layer, M per dense layer, H heads and T training
 * settings the grid has (sum over conv depths d of L^d) x (sum over dense depths e of M^e) x H x T points. L, M, H
 * and T are counted by {@link GridWalk} on one-layer spaces, where conditions are taken into account.
 */
final class GridSize {

    private GridSize() {
    }

    /**
     * The number of points, or empty when a single layer already has more than {@code cap} (the exact total would
     * then take too long to count, and is beyond any sensible limit anyway).
     */
    static Optional<BigInteger> of(SearchSpace space, long cap) {
        refuseContinuous(space);
        long beyondCap = cap == Long.MAX_VALUE ? cap : cap + 1;
        GroupSpace noConv = withoutLayers(space.convBlocks());
        GroupSpace noDense = withoutLayers(space.denseLayers());
        GroupSpace noHead = withoutParameters(space.head());
        GroupSpace noTraining = withoutParameters(space.training());
        Optional<BigInteger> conv = layers(space.convBlocks(),
                new SearchSpace(space.name(), oneLayer(space.convBlocks()), noDense, noHead, noTraining), beyondCap);
        Optional<BigInteger> dense = layers(space.denseLayers(),
                new SearchSpace(space.name(), noConv, oneLayer(space.denseLayers()), noHead, noTraining), beyondCap);
        long head = GridWalk.count(new SearchSpace(space.name(), noConv, noDense, space.head(), noTraining),
                beyondCap);
        long training = GridWalk.count(new SearchSpace(space.name(), noConv, noDense, noHead, space.training()),
                beyondCap);
        if (conv.isEmpty() || dense.isEmpty() || head == beyondCap || training == beyondCap) {
            return Optional.empty();
        }
        return Optional.of(conv.get().multiply(dense.get()).multiply(BigInteger.valueOf(head))
                .multiply(BigInteger.valueOf(training)));
    }

    private static GroupSpace withoutParameters(GroupSpace group) {
        return new GroupSpace(group.group(), group.depth(), List.of());
    }

    /** Every continuous key, named as in the space file, in one message. */
    private static void refuseContinuous(SearchSpace space) {
        List<String> continuous = new ArrayList<>();
        for (GroupSpace group : List.of(space.convBlocks(), space.denseLayers(), space.head(), space.training())) {
            for (Parameter parameter : group.parameters()) {
                if (parameter.domain() instanceof Domain.FloatRange range && range.min() < range.max()) {
                    continuous.add(group.group().key() + "." + parameter.name());
                }
            }
        }
        if (!continuous.isEmpty()) {
            throw GridWalk.continuous(String.join(", ", continuous));
        }
    }

    /** Sum over the group's depths d of (points of one layer)^d. */
    private static Optional<BigInteger> layers(GroupSpace group, SearchSpace oneLayer, long beyondCap) {
        Domain.IntRange depth = group.depth().orElseThrow();
        if (depth.max() == 0) {
            return Optional.of(BigInteger.ONE);
        }
        long perLayer = GridWalk.count(oneLayer, beyondCap);
        if (perLayer == beyondCap) {
            return Optional.empty();
        }
        BigInteger total = BigInteger.ZERO;
        for (int d = depth.min(); d <= depth.max(); d++) {
            total = total.add(BigInteger.valueOf(perLayer).pow(d));
        }
        return Optional.of(total);
    }

    private static GroupSpace oneLayer(GroupSpace group) {
        return new GroupSpace(group.group(), Optional.of(new Domain.IntRange(1, 1, false)), group.parameters());
    }

    private static GroupSpace withoutLayers(GroupSpace group) {
        return new GroupSpace(group.group(), Optional.of(new Domain.IntRange(0, 0, false)), List.of());
    }
}
