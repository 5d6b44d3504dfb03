#!/usr/bin/env bash
# linkdrill batch as a Slurm job array: task i runs shard i of N into its own folder; a dependent job
# merges the shards once every task has finished.
#
#   sbatch deploy/slurm-array.sh                      # submits the array and the merge
#
# Run from the project folder (npm ci done) on a shared file system.
#SBATCH --job-name=linkdrill-batch
#SBATCH --array=1-8
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --output=reports/slurm-%A_%a.log
set -euo pipefail
SHARDS=8
REPS=${REPS:-1000}
OUT=${OUT:-reports/default-batch}

if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
  echo "submit with sbatch" >&2
  exit 2
fi

npx linkdrill batch scenarios/default.yaml --reps "$REPS" --workers "${SLURM_CPUS_PER_TASK:-2}" \
  --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" --out "${OUT}/shard-${SLURM_ARRAY_TASK_ID}" --resume

# The first task submits the merge, to run after the whole array has succeeded.
if [ "${SLURM_ARRAY_TASK_ID}" = "1" ]; then
  sbatch --dependency=afterok:"${SLURM_ARRAY_JOB_ID}" --job-name=linkdrill-merge --output=reports/slurm-merge-%j.log \
    --wrap="npx linkdrill merge ${OUT}/shard-* --out ${OUT}/merged"
fi
