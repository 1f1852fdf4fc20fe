#!/bin/bash
#SBATCH --job-name=argminer-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
set -euo pipefail
exec argminer merge /shared/argminer/shards/shard-* --out /shared/argminer/out
