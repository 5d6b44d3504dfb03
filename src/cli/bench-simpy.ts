/**
 * SimPy's bare M/M/c loop, the benchmark's outside yardstick: the textbook SimPy model (a source
 * process, a `Resource` of c servers, a customer process per arrival) run for the same arrivals and
 * service times as `scenarios/bench/mm5-calls.yaml`. Run as `python3 -c MMC_PY c ratePerHour
 * meanServiceS hours seed`; prints the customers served and the loop's own seconds as JSON.
 */
export const MMC_PY = `
import json, random, sys, time
import simpy

c, rate_per_h, mean_s, hours, seed = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
env = simpy.Environment()
servers = simpy.Resource(env, capacity=c)
rng = random.Random(seed)
served = 0

def customer():
    global served
    with servers.request() as req:
        yield req
        yield env.timeout(rng.expovariate(1.0 / mean_s))
    served += 1

def source():
    while True:
        yield env.timeout(rng.expovariate(rate_per_h / 3600.0))
        env.process(customer())

env.process(source())
t0 = time.perf_counter()
env.run(until=hours * 3600)
print(json.dumps({"customers": served, "seconds": time.perf_counter() - t0}))
`;
