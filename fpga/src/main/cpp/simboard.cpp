// The simulated board (docs/host-link.md, "Simulated board"): the Verilator model of BoardTop
// with a bit-level UART model on its rx/tx pins, bridged to a pseudo-terminal, so a host drives
// it exactly as it drives a board on /dev/ttyUSB1.
//
//   simboard --clocks-per-bit N --clock-hz F [--fault-rate R] [--fault-seed S] [--faults flip,drop,dup,delay]
//
// Prints "pty PATH" on stdout once the terminal is open, then runs until SIGTERM or SIGINT (or
// until the parent process dies). SIGUSR1 presses the reset button (btn_n low for 16 cycles);
// SIGUSR2 prints the counts line (below) to stderr.
// The link fault injector changes bytes in both directions at the given rate: flip one bit, drop,
// duplicate, or delay (the line idles 1..1000 byte times first). On exit it prints one line of
// counts to stderr ("simboard: ...").
//
// Simulated time is the board's: bytes move at the UART's rate in clock cycles, however fast the
// model runs. When the board is idle (no byte on either line, no frame or command in progress)
// the loop sleeps in poll() instead of simulating idle cycles, and counts the wall time it slept
// as idle cycles at the board's clock: "board time" = simulated + idle cycles is what a board at
// that clock would take with this host's latency.

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/prctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <random>
#include <string>
#include <utility>
#include <algorithm>
#include <vector>

#include "VBoardTop.h"
#include "verilated.h"

namespace {

volatile sig_atomic_t g_stop = 0;
volatile sig_atomic_t g_reset = 0;
volatile sig_atomic_t g_report = 0;

void onStop(int) { g_stop = 1; }
void onReset(int) { g_reset = 1; }
void onReport(int) { g_report = 1; }

uint64_t nowNs() {
    timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

struct Faults {
    double rate = 0;
    bool kinds[4] = {true, true, true, true};  // flip, drop, dup, delay
    std::mt19937_64 rng{1};
    uint64_t bytes = 0, flips = 0, drops = 0, dups = 0, delays = 0;

    // Applies the injector to one byte: the bytes to deliver (0, 1 or 2) and an idle gap before them.
    void apply(uint8_t b, std::vector<uint8_t>& out, uint64_t& gapBytes) {
        bytes++;
        out.clear();
        gapBytes = 0;
        std::uniform_real_distribution<double> u(0, 1);
        if (rate <= 0 || u(rng) >= rate) {
            out.push_back(b);
            return;
        }
        int enabled[4], n = 0;
        for (int k = 0; k < 4; k++)
            if (kinds[k]) enabled[n++] = k;
        if (n == 0) {
            out.push_back(b);
            return;
        }
        switch (enabled[rng() % n]) {
            case 0: flips++; out.push_back(b ^ (uint8_t)(1u << (rng() % 8))); break;
            case 1: drops++; break;
            case 2: dups++; out.push_back(b); out.push_back(b); break;
            default: delays++; gapBytes = 1 + rng() % 1000; out.push_back(b); break;
        }
    }
};

// Drives a UART line, 8N1, clocksPerBit cycles per bit.
struct LineOut {
    int cpb;
    std::deque<uint8_t> queue;
    std::deque<uint64_t> gaps;  // parallel to queue: idle cycles before each byte
    uint32_t shift = 0;
    int bitsLeft = 0, cyclesLeft = 0;
    uint64_t idle = 0, quietFor = 0;
    bool level = true;

    explicit LineOut(int c) : cpb(c) {}
    bool busy() const { return bitsLeft > 0 || idle > 0 || !queue.empty(); }
    void push(uint8_t b, uint64_t gapCycles) {
        queue.push_back(b);
        gaps.push_back(gapCycles);
    }
    // The line level for the next cycle.
    bool tick() {
        if (bitsLeft == 0 && idle == 0 && !queue.empty()) {
            idle = gaps.front();
            gaps.front() = 0;
            if (idle == 0) {
                shift = (1u << 9) | ((uint32_t)queue.front() << 1);  // start bit 0, data LSB first, stop bit 1
                queue.pop_front();
                gaps.pop_front();
                bitsLeft = 10;
                cyclesLeft = cpb;
            }
        }
        if (idle > 0) {
            idle--;
            level = true;
        } else if (bitsLeft > 0) {
            level = shift & 1;
            if (--cyclesLeft == 0) {
                shift >>= 1;
                bitsLeft--;
                cyclesLeft = cpb;
            }
        } else {
            level = true;
        }
        quietFor = busy() ? 0 : quietFor + 1;
        return level;
    }
};

// Decodes a UART line, sampling each bit in its middle.
struct LineIn {
    int cpb;
    bool busy = false;
    int bit = 0, timer = 0;
    uint32_t shift = 0;
    uint64_t highFor = 0;
    explicit LineIn(int c) : cpb(c) {}
    // Returns a byte (0..255) when one completes, else -1.
    int tick(bool level) {
        highFor = level ? highFor + 1 : 0;
        if (!busy) {
            if (!level) {
                busy = true;
                bit = 0;
                timer = cpb / 2 - 1;
            }
            return -1;
        }
        if (timer > 0) {
            timer--;
            return -1;
        }
        timer = cpb - 1;
        if (bit == 0) {
            if (level) busy = false;
            else bit = 1;
            return -1;
        }
        if (bit <= 8) {
            shift = (shift >> 1) | ((level ? 1u : 0u) << 7);
            bit++;
            return -1;
        }
        busy = false;
        return level ? (int)(shift & 0xff) : -1;  // a low stop bit: framing error, no byte
    }
};

}  // namespace

int main(int argc, char** argv) {
    int cpb = 0;
    double clockHz = 12e6;
    Faults faults;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        auto next = [&]() -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "simboard: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--clocks-per-bit") cpb = std::atoi(next());
        else if (a == "--clock-hz") clockHz = std::atof(next());
        else if (a == "--fault-rate") faults.rate = std::atof(next());
        else if (a == "--fault-seed") faults.rng.seed(std::strtoull(next(), nullptr, 10));
        else if (a == "--faults") {
            std::string k = next();
            const char* names[4] = {"flip", "drop", "dup", "delay"};
            for (int j = 0; j < 4; j++) faults.kinds[j] = k.find(names[j]) != std::string::npos;
        } else if (a.rfind("+verilator", 0) == 0) {
            continue;
        } else {
            std::fprintf(stderr, "simboard: unknown option %s\n", a.c_str());
            return 2;
        }
    }
    if (cpb < 4) {
        std::fprintf(stderr, "simboard: --clocks-per-bit must be >= 4\n");
        return 2;
    }
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    signal(SIGTERM, onStop);
    signal(SIGINT, onStop);
    signal(SIGUSR1, onReset);
    signal(SIGUSR2, onReport);
    signal(SIGPIPE, SIG_IGN);

    int master = -1, slave = -1;
    char name[256] = {0};
    if (openpty(&master, &slave, name, nullptr, nullptr) != 0) {
        std::fprintf(stderr, "simboard: openpty failed: %s\n", std::strerror(errno));
        return 3;
    }
    // raw, no echo; we keep the slave open so the master never sees a hang-up between host sessions
    termios t;
    tcgetattr(slave, &t);
    cfmakeraw(&t);
    tcsetattr(slave, TCSANOW, &t);
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    std::printf("pty %s\n", name);
    std::fflush(stdout);

    VerilatedContext ctx;
    ctx.commandArgs(argc, argv);
    VBoardTop top{&ctx, "TOP"};
    LineOut toBoard(cpb);
    LineIn fromBoard(cpb);
    std::vector<uint8_t> outBuf, deliver;
    std::deque<std::pair<uint64_t, uint8_t>> held;  // board -> host bytes with the cycle they may leave
    uint64_t cycles = 0, idleCycles = 0, resetLeft = 16;  // hold the button at start: a clean reset in simulation too
    auto report = [&]() {
        std::fprintf(stderr, "simboard: cycles %llu, idle cycles %llu, bytes %llu, faults: flip %llu drop %llu dup %llu delay %llu\n",
                     (unsigned long long)cycles, (unsigned long long)idleCycles, (unsigned long long)faults.bytes, (unsigned long long)faults.flips,
                     (unsigned long long)faults.drops, (unsigned long long)faults.dups, (unsigned long long)faults.delays);
        std::fflush(stderr);
    };
    const uint64_t quietAfter = 12ull * cpb;
    top.clk = 0;
    top.rx = 1;
    top.btn_n = 0;
    top.eval();

    while (!g_stop) {
        if (g_reset) {
            g_reset = 0;
            resetLeft = 16;
        }
        if (g_report) {
            g_report = 0;
            report();
        }
        // host -> board: read what is there (every 256 cycles, or blocking when all is quiet)
        // quiet: both lines idle for a while (the design has taken the last byte), nothing pending inside (led_busy)
        bool quiet = !top.led_busy && !toBoard.busy() && toBoard.quietFor > quietAfter && !fromBoard.busy && fromBoard.highFor > quietAfter &&
                     outBuf.empty() && held.empty() && resetLeft == 0;
        if (quiet || (cycles & 255) == 0) {
            pollfd p{master, POLLIN, 0};
            const uint64_t t0 = quiet ? nowNs() : 0;
            int r = poll(&p, 1, quiet ? 20 : 0);
            if (quiet) idleCycles += (uint64_t)((double)(nowNs() - t0) * clockHz / 1e9);
            if (r > 0 && (p.revents & POLLIN)) {
                uint8_t buf[4096];
                ssize_t n = read(master, buf, sizeof buf);
                for (ssize_t i = 0; i < n; i++) {
                    uint64_t gap;
                    faults.apply(buf[i], deliver, gap);
                    for (size_t j = 0; j < deliver.size(); j++) toBoard.push(deliver[j], j == 0 ? gap * 10 * cpb : 0);
                }
            }
            if (quiet && toBoard.queue.empty()) continue;  // nothing arrived: sleep again
        }
        // one clock cycle
        top.rx = toBoard.tick();
        top.btn_n = resetLeft == 0;
        if (resetLeft > 0) resetLeft--;
        top.clk = 1;
        top.eval();
        top.clk = 0;
        top.eval();
        cycles++;
        int b = fromBoard.tick(top.tx);
        if (b >= 0) {
            uint64_t gap;
            faults.apply((uint8_t)b, deliver, gap);
            uint64_t at = std::max(cycles + gap * 10 * cpb, held.empty() ? 0 : held.back().first);  // the link keeps the order
            for (uint8_t d : deliver) held.emplace_back(at, d);
        }
        while (!held.empty() && held.front().first <= cycles) {
            outBuf.push_back(held.front().second);
            held.pop_front();
        }
        if (!outBuf.empty() && ((cycles & 63) == 0 || outBuf.size() > 256)) {
            ssize_t n = write(master, outBuf.data(), outBuf.size());
            if (n > 0) outBuf.erase(outBuf.begin(), outBuf.begin() + n);
        }
    }
    top.final();
    report();
    close(master);
    close(slave);
    return 0;
}
