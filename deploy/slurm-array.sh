#!/usr/bin/env bash
# linkdrill batch as a Slurm job array on the linkdrill image: task i runs shard i of N into its own
# folder; a dependent job merges the shards once every task has finished. Clusters run images with
# Apptainer (Singularity), which reads the Docker image:
#
#   docker build -t linkdrill . && docker save linkdrill -o linkdrill.tar     # on a machine with Docker
#   apptainer build linkdrill.sif docker-archive://linkdrill.tar             # on the cluster
#   sbatch deploy/slurm-array.sh                                             # the array and the merge
#
# Run from a folder on a shared file system; results go to $OUT (default reports/default-batch).
#SBATCH --job-name=linkdrill-batch
#SBATCH --array=1-8
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --output=slurm-%A_%a.log
set -euo pipefail
SHARDS=8
REPS=${REPS:-1000}
OUT=${OUT:-reports/default-batch}
SIF=${SIF:-linkdrill.sif}
SCENARIO=${SCENARIO:-/app/scenarios/default.yaml}
linkdrill() { apptainer exec --bind "$PWD:/work" --pwd /work "$SIF" node /app/dist/cli/entry.js "$@"; }

if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
  echo "submit with sbatch" >&2
  exit 2
fi

linkdrill batch "$SCENARIO" --reps "$REPS" --workers "${SLURM_CPUS_PER_TASK:-2}" \
  --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" --out "${OUT}/shard-${SLURM_ARRAY_TASK_ID}" --resume

# The first task submits the merge, to run after the whole array has succeeded.
if [ "${SLURM_ARRAY_TASK_ID}" = "1" ]; then
  sbatch --dependency=afterok:"${SLURM_ARRAY_JOB_ID}" --job-name=linkdrill-merge --output=slurm-merge-%j.log \
    --wrap="apptainer exec --bind \"$PWD:/work\" --pwd /work \"$SIF\" node /app/dist/cli/entry.js merge ${OUT}/shard-* --out ${OUT}/merged"
fi
