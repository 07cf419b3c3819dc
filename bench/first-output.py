# Time to first prompt, as a person sees it: runs a command in a real pseudo-terminal
# and prints the seconds until its output first matches a pattern (then kills it).
# Usage: python3 first-output.py <cwd> <pattern> <command> [args...]
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

cwd, pattern, command = sys.argv[1], re.compile(sys.argv[2].encode()), sys.argv[3:]
started = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    # A terminal of 40 rows and 120 columns (a new pty has none, and prompts wrap at 0).
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
    os.chdir(cwd)
    os.environ.pop('CI', None)
    os.environ['TERM'] = 'xterm-256color'
    os.execvp(command[0], command)

seen = b''
elapsed = None
deadline = started + 20
while time.monotonic() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.005)
    if not ready:
        continue
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
    if pattern.search(seen):
        elapsed = time.monotonic() - started
        break
os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
if elapsed is None:
    sys.stderr.write('no prompt seen; output was: %r\n' % seen[-500:])
    sys.exit(1)
print('%.4f' % elapsed)
