#!/bin/bash
# interleaved in-process A/B: new tree (worktree) vs base tree; CPU us per request (process_time), 5 rounds each
N=${1:-300}; PAIRS=${2:-3}
for i in $(seq 1 $PAIRS); do
  for t in new base; do
    if [ $t = new ]; then root=/work/wt/perf18x; else root=/tmp/perf18x/base; fi
    (cd $root && PYTHONPATH=$root taskset -c 0 /work/wt/perf18x/.venv/bin/python /tmp/perf18x/drive.py time $N 2>&1 | grep round | sed "s/^/$t /")
  done
done
