#!/bin/bash
# ArgMiner on a Slurm job array: task K of 8 runs shard K on the cluster's shared file system.
#   jobid=$(sbatch --parsable deploy/slurm/argminer-array.sh)
#   sbatch --dependency=afterok:$jobid deploy/slurm/argminer-merge.sh
#SBATCH --job-name=argminer
#SBATCH --array=0-7
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --requeue
set -euo pipefail
N=8   # keep equal to the --array size
exec argminer run /shared/argminer/in \
  --out "/shared/argminer/shards/shard-$SLURM_ARRAY_TASK_ID" \
  --shard "$SLURM_ARRAY_TASK_ID/$N" --resume \
  --jobs "$SLURM_CPUS_PER_TASK" --format csv,jsonl,parquet
