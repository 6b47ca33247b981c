package io.autocnn.space.sampler;

import io.autocnn.space.definition.Candidate;
import io.autocnn.space.definition.ParameterChooser;
import io.autocnn.space.definition.SearchSpace;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A sampler that learns from the history (evolution, TPE): random until enough trials have finished to learn from,
 * then a chooser built from the history ranked best first and the trial's own random stream. Keeping this in one
 * place keeps the startup rule and the determinism argument (fixed ranking, per-trial stream) the same for both.
 *
 * @param <S> the settings record
 */
abstract class LearningSampler<S extends Record> extends AbstractSampler<S> {

    LearningSampler(String name, SearchSpace space, long seed, Class<S> settingsType, S settings) {
        super(name, space, seed, settingsType, settings);
    }

    @Override
    public final Optional<Candidate> propose(int trialIndex, List<Observation> history) {
        S settings = settings();
        if (history.size() < startupTrials(settings)) {
            return Optional.of(randomCandidate(trialIndex));
        }
        return Optional.of(sample(trialIndex, chooser(bestFirst(history), random(trialIndex), settings)));
    }

    /** How many finished trials are needed before the history is used; the trials before are random. */
    abstract int startupTrials(S settings);

    /** The chooser for one trial, from the history best first (never fewer than startupTrials observations). */
    abstract ParameterChooser chooser(List<Observation> ranked, SplittableRandom random, S settings);
}
