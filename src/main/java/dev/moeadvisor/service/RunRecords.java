package dev.moeadvisor.service;

import dev.moeadvisor.runs.RunKind;
import dev.moeadvisor.runs.TrainingRun;
import dev.moeadvisor.store.DatasetEntity;
import dev.moeadvisor.store.RunEntity;

/** Maps runs between their plain form and their stored form. */
final class RunRecords {

    private RunRecords() {
    }

    static RunEntity toEntity(TrainingRun r, DatasetEntity dataset, int position) {
        RunEntity e = new RunEntity();
        e.dataset = dataset;
        e.position = position;
        e.runId = r.runId();
        e.sourceTable = r.table();
        e.kind = r.kind().label();
        e.nTotal = r.nTotal();
        e.nActive = r.nActive();
        e.rA = r.rA();
        e.mTrainPerToken = r.mTrainPerToken();
        e.tokens = r.tokens();
        e.uniqueTokens = r.uniqueTokens();
        e.epochs = r.epochs();
        e.compute = r.compute();
        e.seqLen = r.seqLen();
        e.nLayers = r.nLayers();
        e.denseLayers = r.denseLayers();
        e.layout = r.layout();
        e.dModel = r.dModel();
        e.dFfn = r.dFfn();
        e.nHeads = r.nHeads();
        e.dHead = r.dHead();
        e.experts = r.experts();
        e.topK = r.topK();
        e.dExpert = r.dExpert();
        e.dShared = r.dShared();
        e.gateNorm = r.gateNorm();
        e.lr = r.lr();
        e.batchSeqs = r.batchSeqs();
        e.iters = r.iters();
        e.metric = r.metric();
        e.value = r.value();
        e.note = r.note();
        return e;
    }

    static TrainingRun toRun(RunEntity e) {
        return new TrainingRun(e.runId, e.sourceTable, RunKind.fromLabel(e.kind).orElseThrow(), e.nTotal, e.nActive,
                e.rA, e.mTrainPerToken, e.tokens, e.uniqueTokens, e.epochs, e.compute, e.seqLen, e.nLayers,
                e.denseLayers, e.layout, e.dModel, e.dFfn, e.nHeads, e.dHead, e.experts, e.topK, e.dExpert, e.dShared,
                e.gateNorm, e.lr, e.batchSeqs, e.iters, e.metric, e.value, e.note);
    }
}
