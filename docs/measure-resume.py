#!/usr/bin/env python3
"""Resuming a killed worker: runs a manifest job with `invoke --follow --workers 1`, SIGKILLs the
worker 150 ms into a part of range 0 (the first event's) once KILL_AFTER parts are committed, and
reports on the wall clock: kill -> the killed event delivered again (its 'attempt 2 ... started'
line; it queues behind the events already fed back), from there -> the first part of range 0
committed (its record file appearing), kill -> any part committed, and the median part time.

The job is bench manifest's, written by
  java -cp JAR cloud.reencrypt.bench.JobFixtureMain DIR
and this script runs on it as
  REENCRYPT_KEYSTORE=DIR/keystore.json DESTINATION_KEY_ID=$(cat DIR/key) \
    python3 docs/measure-resume.py JAR DIR/objects DIR/obs-event.json [KILL_AFTER]
Outputs and job state of an earlier run are removed first."""
import glob, json, os, re, shutil, signal, statistics, subprocess, sys, threading, time
jar, objects, event = sys.argv[1:4]
kill_after = int(sys.argv[4]) if len(sys.argv) > 4 else 4
env = {k: v for k, v in os.environ.items()
       if k not in ("KMS_MAX_TPS", "KMS_TOTAL_TPS", "PART_BYTES", "FANOUT_BYTES", "MANIFEST_CONCURRENCY")}
for tree in ("", ".metadata/"):
    for folder in ("reencrypted", ".reencrypt-work"):
        shutil.rmtree(os.path.join(objects, tree + "bench", folder), ignore_errors=True)
pattern = objects + "/bench/.reencrypt-work/jobs/*/parts/*.json"
seen = {}  # record path -> (wall time first seen, millis)
done = threading.Event()
def poll():
    while not done.is_set():
        for path in glob.glob(pattern):
            if path not in seen:
                try:
                    seen[path] = (time.time(), json.load(open(path))["millis"])
                except (OSError, ValueError, KeyError):
                    pass
        time.sleep(0.01)
threading.Thread(target=poll, daemon=True).start()
cmd = ["java", "-jar", jar, "invoke", "--objects", objects, "--event", event,
       "--follow", "--workers", "1", "--worker-heap", "128m"]
p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
killed = redelivered = pid = None
log = open(os.path.join(os.path.dirname(os.path.abspath(objects)), "resume-log.txt"), "w")
for line in p.stderr:
    log.write("%.3f %s" % (time.time(), line))
    m = re.search(r"started on worker \d+ \(pid (\d+)\)", line)
    if m and pid is None:
        pid = int(m.group(1))
    if killed is None and pid and len(seen) >= kill_after:
        log.write("%.3f KILL %d\n" % (time.time(), pid))
        time.sleep(0.15)
        os.kill(pid, signal.SIGKILL)
        killed = time.time()
        before = set(seen)
    if killed and redelivered is None and re.search(r"event 1 .*started on .*attempt 2", line):
        redelivered = time.time()
status = p.wait(); done.set()
after = sorted(t for path, (t, _) in seen.items() if path not in before)
resumed = sorted(t for path, (t, _) in seen.items()
                 if path not in before and "/r0000-" in path and t > redelivered)
millis = [m for _, m in seen.values()]
print("exit %d; parts %d, median part %.0f ms" % (status, len(seen), statistics.median(millis)))
print("kill -> redelivery started: %.0f ms" % ((redelivered - killed) * 1000))
print("redelivery of the killed event started -> its range's first part committed: %.0f ms"
      % ((resumed[0] - redelivered) * 1000))
print("kill -> first part committed after the kill: %.0f ms" % ((after[0] - killed) * 1000))
