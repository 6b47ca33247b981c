#!/usr/bin/env python3
"""Every trained trial of one experiment as a Markdown table, read from a run's SQLite store (read-only).

Usage: bench/trial_table.py STORE [EXPERIMENT_ID]
STORE is a run's autocnn.db (for a comparison: <out>/autocnn.db); without EXPERIMENT_ID the store's latest experiment.
Candidates the space's constraints refused (never trained) are counted below the table, not listed. The benchmark
READMEs under bench/results/ carry its output.
"""
import json
import os
import sqlite3
import sys


def kinds(spec):
    return '/'.join(('R' if block.get('kind') == 'RESIDUAL' else 'P')
                    + ('+bn' if block.get('normalization') == 'BATCH' else '') for block in spec['convBlocks'])


def main(store, experiment=None):
    if not os.path.isfile(store):
        sys.exit(f'{store}: no such store (a run folder\'s autocnn.db)')
    connection = sqlite3.connect(f'file:{store}?mode=ro', uri=True)
    if experiment is None:
        latest = connection.execute('select id from experiments order by created_at desc limit 1').fetchone()
        if latest is None:
            sys.exit(f'{store} holds no experiment')
        experiment = latest[0]
    rows = connection.execute(
        """select trial_index, state, failure_cause, epochs_trained, validation_error, parameter_count, macs,
                  spec_json, seconds from trials where experiment_id = ? order by trial_index""",
        (experiment,)).fetchall()
    if not rows:
        sys.exit(f'{store} holds no trials of experiment {experiment}')
    print('| trial | state | epochs trained | validation error | parameters | MACs per image | kinds | filters | dense '
          '| head | batch | schedule | training seconds |')
    print('|---:|---|---:|---:|---:|---:|---|---|---|---|---:|---|---:|')
    refused = 0
    for index, state, cause, epochs, error, parameters, macs, spec_json, seconds in rows:
        if cause == 'CONSTRAINT':
            refused += 1
            continue
        spec = json.loads(spec_json)
        filters = '/'.join(str(block['filters']) for block in spec['convBlocks'])
        dense = '/'.join(str(layer['units']) for layer in spec.get('denseLayers', [])) or '-'
        shown_error = f'{error * 100:.2f}%' if error is not None else '-'
        training = spec['training']
        print(f"| {index} | {state.lower()} | {epochs:.2f} | {shown_error} | {parameters:,} | {macs:,} | {kinds(spec)} "
              f"| {filters} | {dense} | {spec.get('headPooling', 'FLATTEN')} | {training['batchSize']} "
              f"| {training.get('schedule', 'CONSTANT')} | {seconds:.0f} |")
    print()
    print(f'Refused by the cap (never trained): {refused} of {len(rows)} candidates.')


if __name__ == '__main__':
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(*sys.argv[1:])
