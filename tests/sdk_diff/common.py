"""Shared parts of sign_diff.py and build_diff.py: the command line, the driver
process (examples/sdk_diff_driver.rs), random input makers and the report."""

import argparse
import base64
import json
import os
import random
import string
import subprocess
import sys
import traceback
from collections import Counter
from urllib.parse import quote, quote_plus

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
GEN = os.path.join(REPO, "tests", "vectors", "gen")
# The vector generators hold the SDK-calling code (frozen clocks, stubbed HTTP).
sys.path.insert(0, GEN)


def default_driver():
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(REPO, "target")
    return os.path.join(target, "release", "examples", "sdk_diff_driver")


def parse_args(description, kinds):
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("kind", choices=kinds)
    ap.add_argument("n", type=int, help="number of random cases")
    ap.add_argument("seed", type=int)
    ap.add_argument("--driver", default=os.environ.get("SDK_DIFF_DRIVER") or default_driver(),
                    help="sdk_diff_driver binary (default: $SDK_DIFF_DRIVER, else "
                         "$CARGO_TARGET_DIR or target/, then release/examples/sdk_diff_driver)")
    ap.add_argument("--case", type=int, help="run only this case index and print it in full")
    args = ap.parse_args()
    if not os.access(args.driver, os.X_OK):
        ap.error("no driver at %s: cargo build --release --example sdk_diff_driver" % args.driver)
    return args


# ---------------------------------------------------------------- the driver

class Driver:
    """One sdk_diff_driver process, asked one JSON line at a time."""

    def __init__(self, path):
        self.path = path
        self.proc = None

    def _start(self):
        self.proc = subprocess.Popen([self.path], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, encoding="utf-8", bufsize=1)

    def ask(self, request):
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        try:
            self.proc.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
        except BrokenPipeError:
            line = ""
        if line:
            answer = json.loads(line)
            if "panic" in answer:
                # Built with panic=abort the driver is ending: a new one for the next case
                # (with panic=unwind this one could go on, but starting afresh is simpler).
                self.close()
            return answer
        # Died without answering (a crash, not a Rust panic): a new one for the next case.
        rc = self.close()
        return {"panic": "driver exited with status %s without answering" % rc}

    def sign(self, sign_input):
        return self.ask({"sign": sign_input})

    def build(self, provider, params, context):
        return self.ask({"build": {"provider": provider, "params": params, "context": context}})

    def close(self):
        """Ends the driver (it stops at the end of its input); returns its exit status."""
        if self.proc is None:
            return None
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        rc = self.proc.wait()
        self.proc = None
        return rc


# ---------------------------------------------------------------- random text

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
PRINTABLE = string.ascii_letters + string.digits + string.punctuation + " "
SPECIAL = " ~*'!()+/=&%?#;:,@$[]-_.^`|{}\"<>\\"
# Single code points, so that length bounds hold.
UNICODE = ["é", "ü", "ß", "中", "服", "☃", "😀", "\u00a0", "\u3000", "名", "Ω", "\u200b", "€", "\u2028"]


def text(rng, lo, hi, alphabet=ALNUM, unicode=0.0):
    """lo..hi characters from `alphabet`, each one instead from UNICODE with probability `unicode`."""
    return "".join(rng.choice(UNICODE) if rng.random() < unicode else rng.choice(alphabet)
                   for _ in range(rng.randint(lo, hi)))


def messy(rng, lo, hi):
    """Letters, URL/header specials and non-ASCII in about equal parts."""
    return text(rng, lo, hi, ALNUM + SPECIAL, unicode=0.33)


def uuid_text(rng, mixed_case=False):
    h = "".join(rng.choice(HEX) for _ in range(32))
    s = "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])
    if mixed_case:
        s = "".join(c.upper() if rng.random() < 0.5 else c for c in s)
    return s


def password(rng, specials, lo, hi):
    """A password with at least one upper, lower, digit and special character."""
    pools = [string.ascii_uppercase, string.ascii_lowercase, string.digits, specials]
    chars = [rng.choice(p) for p in pools]
    while len(chars) < rng.randint(lo, hi):
        chars.append(rng.choice(rng.choice(pools)))
    rng.shuffle(chars)
    return "".join(chars)


def base64_text(rng):
    return base64.b64encode(bytes(rng.randrange(256) for _ in range(rng.randint(1, 200)))).decode()


def shuffled(rng, d):
    """The same dict in a random order: the library must not depend on the caller's key order."""
    items = list(d.items())
    rng.shuffle(items)
    return dict(items)


def flatten(d, prefix=""):
    """{"a": {"b": 1}} -> {"a.b": 1}: the flat dotted form the library also takes."""
    out = {}
    for k, v in d.items():
        if isinstance(v, dict):
            out.update(flatten(v, prefix + k + "."))
        else:
            out[prefix + k] = v
    return out


# ---------------------------------------------------------------- random URLs and headers (sign_diff)

def query_name(rng):
    c = rng.random()
    if c < 0.5:
        return rng.choice(["Action", "Version", "InstanceId", "ImageId", "Password", "KeyId.1", "KeyId.2",
                           "KeyId.10", "SystemDisk.Size", "RegionId", "Tag.1.Key", "Tag.1.Value", "name",
                           "limit", "marker", "Zeta", "alpha", "Alpha", "a", "b", "B", "Format", "ClientToken"])
    if c < 0.8:
        return text(rng, 1, 8)
    return messy(rng, 1, 6)


def query_value(rng):
    c = rng.random()
    if c < 0.15:
        return ""
    if c < 0.4:
        return text(rng, 0, 12)
    return messy(rng, 0, 12)


def query_pairs(rng):
    """Decoded (name, value) pairs; some names repeat."""
    c = rng.random()
    n = 0 if c < 0.1 else rng.randint(1, 8) if c < 0.9 else rng.randint(9, 40)
    pairs = []
    for _ in range(n):
        k = rng.choice(pairs)[0] if pairs and rng.random() < 0.15 else query_name(rng)
        pairs.append((k, query_value(rng)))
    return pairs


def encode_component(rng, s):
    """Some encoding of `s` that form-decoding ('+' is a space) reads back as `s`:
    the signers must sign the decoded text, not the caller's spelling."""
    mode = rng.random()
    if mode < 0.35:
        return quote(s, safe="~")
    if mode < 0.55:
        return quote_plus(s)
    if mode < 0.75:
        return quote(s, safe="")
    out = []  # sloppy: some sub-delimiters raw, some escapes in lower case
    for ch in s:
        if ch.isascii() and (ch.isalnum() or ch in "-_."):
            out.append(ch)
        elif ch in "~*!'()$,;:@/?" and rng.random() < 0.7:
            out.append(ch)
        elif ch == " " and rng.random() < 0.5:
            out.append("+")
        else:
            e = quote(ch, safe="")
            out.append(e.lower() if rng.random() < 0.3 else e)
    return "".join(out)


def encode_query(rng, pairs):
    pieces = []
    for k, v in pairs:
        if v == "" and rng.random() < 0.3:
            pieces.append(encode_component(rng, k))  # a name without '='
        else:
            pieces.append(encode_component(rng, k) + "=" + encode_component(rng, v))
        if rng.random() < 0.03:
            pieces.append("")  # '&&'
    return "&".join(pieces)


WILD_QUERY_BITS = ["%", "%z1", "%E5", "%C3%28", "%ED%A0%80", "%F0%9F", "%FF", "é", "中", "%2", "=v", "a=b=c",
                   "%00", "%c3%a9", "+%2B+", "&=", "%%41", "%E5%90"]
WILD_PATH_BITS = ["%", "%zz", "%E5", "%C3%28", "%FF", "é", "%2F", "%2f", "//", "/./", "/../", "%00", "%252F",
                  "+", "%E5%90", "%c3%a9"]


def wild_query(rng, q):
    """Malformed escapes, raw non-ASCII and stray '=' / '&' inserted into an encoded query."""
    pieces = q.split("&") if q else []
    for _ in range(rng.randint(1, 3)):
        bit = rng.choice(WILD_QUERY_BITS)
        if pieces and rng.random() < 0.6:
            i = rng.randrange(len(pieces))
            j = rng.randint(0, len(pieces[i]))
            pieces[i] = pieces[i][:j] + bit + pieces[i][j:]
        else:
            pieces.insert(rng.randint(0, len(pieces)), bit)
    return "&".join(pieces)


def wild_path(rng, path):
    path = path or "/"
    for _ in range(rng.randint(1, 2)):
        j = rng.randint(1, len(path))
        path = path[:j] + rng.choice(WILD_PATH_BITS) + path[j:]
    return path


def path_segment(rng):
    c = rng.random()
    if c < 0.5:
        return rng.choice(["v1", "v2", "proj", "servers", "cloudservers", "changeos", "action", "bucket",
                           "key.txt", "a", "clusters", "nodes", "0123456789abcdef"])
    if c < 0.6:
        return ""
    return messy(rng, 1, 6)


def encode_segment(rng, s):
    out = []
    for ch in s:
        if ch.isascii() and (ch.isalnum() or ch in "-_.~"):
            out.append(ch)
        elif ch in "*!'()$,;:@=+&" and rng.random() < 0.6:
            out.append(ch)
        else:
            e = quote(ch, safe="")
            out.append(e.lower() if rng.random() < 0.2 else e)
    return "".join(out)


def url_path(rng, dots=False):
    c = rng.random()
    if c < 0.1:
        return ""
    if c < 0.2:
        return "/"
    segs = [path_segment(rng) for _ in range(rng.randint(1, 5))]
    if dots and rng.random() < 0.2:
        segs.insert(rng.randint(0, len(segs)), rng.choice([".", ".."]))
    p = "/" + "/".join(encode_segment(rng, s) for s in segs)
    return p + "/" if rng.random() < 0.2 else p


HOSTS = ["ecs.cn-north-4.myhuaweicloud.com", "ecs.eu-de.otc.t-systems.com", "kec.api.ksyun.com",
         "ecs.cn-hangzhou.aliyuncs.com", "ecs.aliyuncs.com", "open.volcengineapi.com", "10.1.2.3", "example.com"]


def url_origin(rng):
    """scheme://host[:port], sometimes with odd case and ports."""
    c = rng.random()
    scheme = "https" if c < 0.8 else "http" if c < 0.95 else "HTTPS"
    host = rng.choice(HOSTS)
    if rng.random() < 0.15:
        host = "".join(ch.upper() if rng.random() < 0.5 else ch for ch in host)
    c = rng.random()
    port = ":443" if c < 0.1 else ":80" if c < 0.15 else ":8443" if c < 0.25 else ""
    return "%s://%s%s" % (scheme, host, port)


def method(rng):
    m = rng.choice(["GET", "GET", "POST", "POST", "PUT", "DELETE", "PATCH", "HEAD"])
    if rng.random() < 0.05:
        m = rng.choice([m.lower(), m.capitalize()])  # signed verbatim
    return m


def body(rng):
    c = rng.random()
    if c < 0.4:
        return ""
    if c < 0.6:
        return json.dumps({"a": query_value(rng), "n": rng.randint(0, 99)}, ensure_ascii=rng.random() < 0.5)
    if c < 0.8:
        return messy(rng, 0, 30)
    return encode_query(rng, query_pairs(rng))


TOKEN_CHARS = "!#$%&'*+-.^_`|~"
COMMON_HEADERS = ["X-Custom", "x-custom", "X-Foo-Bar", "Accept", "User-Agent", "user-agent", "Expect",
                  "X-Project-Id", "X_Under", "x_under_score", "Content-Md5", "X-Lead", "Via", "Connection",
                  "X-Dup", "x-dup", "X-DUP"]


def header_name(rng, extra=()):
    c = rng.random()
    if c < 0.5:
        return rng.choice(COMMON_HEADERS + list(extra))
    if c < 0.85:
        return "X-" + text(rng, 1, 8)
    return text(rng, 1, 6) + rng.choice(TOKEN_CHARS) + text(rng, 0, 4)


# Unicode and control white space Python's str.strip() drops and HTTP's OWS does not include.
EXOTIC_SPACE = ["\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\u2028", "\u180e", "\u200b", "\ufeff", "\u2000",
                "\u00a0", "\u3000", "\u205f"]


def header_value(rng, exotic_space=True):
    if rng.random() < 0.1:
        return ""
    v = text(rng, 0, 10, ALNUM * 2 + SPECIAL, unicode=0.25)
    if rng.random() < 0.3:
        v = rng.choice([" ", "  ", "\t", " \t"]) + v
    if rng.random() < 0.3:
        v += rng.choice([" ", "  ", "\t", "\t "])
    if rng.random() < 0.1:
        v = v[: len(v) // 2] + "   " + v[len(v) // 2:]
    if exotic_space and rng.random() < 0.08:
        ws = rng.choice(EXOTIC_SPACE)
        v = ws + v if rng.random() < 0.5 else v + ws
    return v


def timestamp(rng):
    """(what the library is given, the same instant as the SDK clocks take it)."""
    canon = "%04d-%02d-%02dT%02d:%02d:%02dZ" % (
        rng.randint(1971, 2099), rng.randint(1, 12), rng.randint(1, 28),
        rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
    c = rng.random()
    if c < 0.1:
        return canon[:-1] + ".%03dZ" % rng.randint(0, 999), canon
    if c < 0.15:
        return canon[:-1] + "+00:00", canon
    return canon, canon


def basic_time(ts):
    """2024-05-06T07:08:09Z -> 20240506T070809Z."""
    return ts.replace("-", "").replace(":", "")


# ---------------------------------------------------------------- the run and its report

SDK_REFUSED = "sdk refused"


def is_match(cls):
    return cls == "match" or cls.endswith(": match")  # "acs3: match": a match of one of two schemes


def sdk_refused():
    """The class and detail of a case the SDK raised on: not compared, not a failure
    (the first traceback is printed; a run where every case is refused exits 2)."""
    return SDK_REFUSED, {"traceback": traceback.format_exc(limit=-4)}


def run(args, title, one_case, known):
    """Runs cases 0..n-1 (or only args.case) and prints the count of each class.

    one_case(rng) -> (class, detail): class is "match" (or "<label>: match"), a key of `known`, SDK_REFUSED (see
    sdk_refused), or anything else, which fails the run (UNKNOWN..., PANIC, ...).
    Each case has its own generator seeded by (title, seed, index): a case reruns alone with --case.
    Returns the exit status: 1 if a failing class appeared, 2 if nothing could be compared.
    """
    counts, first = Counter(), {}
    cases = [args.case] if args.case is not None else range(args.n)
    for i in cases:
        rng = random.Random("%s/%d/%d" % (title, args.seed, i))
        cls, detail = one_case(rng)
        counts[cls] += 1
        first.setdefault(cls, (i, detail))
        if args.case is not None:
            print(json.dumps({"case": i, "class": cls, **detail}, ensure_ascii=False, indent=1))

    failing = [c for c in counts if not is_match(c) and c != SDK_REFUSED and c not in known]
    print("%s: %d cases, seed %d" % (title, sum(counts.values()), args.seed))
    for cls, n in sorted(counts.items(), key=lambda kv: (kv[0] in failing, not is_match(kv[0]), kv[0])):
        tag = "FAIL  " if cls in failing else "known " if cls in known else "      "
        print("  %5d  %s%s  (first: case %d)" % (n, tag, cls, first[cls][0]))
    for cls in failing + ([SDK_REFUSED] if SDK_REFUSED in counts else []):
        i, detail = first[cls]
        print("\n--- %s, case %d (rerun: --case %d)" % (cls, i, i))
        print(json.dumps(detail, ensure_ascii=False, indent=1)[:4000])
    if failing:
        return 1
    compared = sum(n for c, n in counts.items() if c != SDK_REFUSED)
    return 0 if compared else 2


def field_diff(ours, sdk, fields):
    """{field: {"sdk": …, "ours": …}} for each field where the two differ."""
    return {k: {"sdk": sdk.get(k), "ours": ours.get(k)} for k in fields
            if (k in sdk or k in ours) and sdk.get(k) != ours.get(k)}


def failure_class(answer):
    """The class of a driver answer that carries no value, else None."""
    if "panic" in answer:
        return "PANIC"
    if "harnessError" in answer:
        return "HARNESS ERROR"
    if "error" in answer:
        return "UNKNOWN: library error %s" % answer["error"].get("code")
    return None
