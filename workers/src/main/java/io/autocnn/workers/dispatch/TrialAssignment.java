package io.autocnn.workers.dispatch;

import io.autocnn.space.trial.TrialKey;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.train.RunnerOptions;

import java.io.Serializable;

/**
 * One run of one trial as shipped to a Spark executor: plain serializable values only (the specification travels as
 * JSON, the model to resume from as the bytes of its zip), so the task needs nothing from the coordinator's JVM.
 *
 * @param runId        the dispatcher's number for this submission; live reports carry it back
 * @param key          the logical trial, with its experiment (one trial may be submitted several times: promotions,
 *                     retries)
 * @param specJson     the trial's specification, at its full epochs (its learning-rate schedule's horizon)
 * @param budgetMillis stop cleanly (TIMEOUT) after this long; 0 for no limit
 * @param resumeModel  a model zip to continue from, or none to start from scratch
 * @param reportUrl    where the task posts each epoch's metrics; "" to report nothing live
 * @param reportToken  the secret the coordinator's report endpoint expects
 * @param validationShare the share of the validation set the run measures on, 1 for all
 * @param inheritsWeights the model in {@code resumeModel} is a parent trial's: the run starts from its weights where
 *                        layer shapes match, at step 0, rather than continuing it
 * @param targetEpochs    the epochs in total the run trains up to
 * @param trainingShare   the share of the training set the run trains on, 1 for all
 * @param shippedData     the name of the file (a {@link io.autocnn.workers.data.DatasetSplitFile}) the coordinator
 *                        added to the Spark job with the sampled, split data, read through {@code SparkFiles}; "" to
 *                        read the dataset's files on the executor
 */
public record TrialAssignment(long runId, TrialKey key, String specJson, long budgetMillis,
                              ResumeModel resumeModel,
                              DataRecipe data, RunnerOptions runnerOptions, String reportUrl, String reportToken,
                              TrialBody body, double validationShare, boolean inheritsWeights, double targetEpochs,
                              double trainingShare, String shippedData)
        implements Serializable {
}
