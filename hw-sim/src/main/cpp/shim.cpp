// C ABI over the Verilator model of LluArray (docs/llu-rtl.md, "Host port"), loaded through JNA.
// Every exported symbol starts with ifm_ (exports.map hides the rest). Loops run here, not in
// Java: one JNA call moves a whole buffer or a whole batch.
//
// Errors never kill the host process: Verilator's fatal hooks (vl_fatal, vl_stop, vl_finish, built
// with VL_USER_FATAL/STOP/FINISH) longjmp back to the entry point, which returns an error code;
// ifm_last_error tells what happened. After such an error the instance is dead (every call fails).

#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "VLluArray.h"
#include "ifm_contract.h"
#include "verilated.h"
#if VM_TRACE
#include "verilated_vcd_c.h"
#endif

#define IFM_STR2(x) #x
#define IFM_STR(x) IFM_STR2(x)
#ifndef IFM_PARAMS_HASH
#define IFM_PARAMS_HASH unknown
#endif

namespace {

// the hardware contract (org.infomorph.compiler.rtl.RtlContract, generated into ifm_contract.h)
const int32_t OP_WRITE = IFM_OP_WRITE, OP_READ = IFM_OP_READ, OP_RUN = IFM_OP_RUN, OP_BOUNDARY = IFM_OP_BOUNDARY;
const uint32_t REGION_CONFIG = IFM_REGION_CONFIG, REGION_INPUT = IFM_REGION_INPUT, REGION_SHIFT = IFM_REGION_SHIFT;
const uint32_t CONFIG_LABEL = IFM_CFG_LABEL;

// error codes (negative returns), read by SimModel from the same contract
const int64_t ERR_TIMEOUT = IFM_ERR_TIMEOUT;  // the array never became ready / never answered
const int64_t ERR_FATAL = IFM_ERR_FATAL;      // the model stopped (Verilator fatal, $stop, $finish) or is dead
const int64_t ERR_ARG = IFM_ERR_ARG;          // bad argument
const int64_t ERR_NOTRACE = IFM_ERR_NOTRACE;  // tracing asked of a build without --trace

const int RESET_CYCLES = 4;
const int64_t TRANSFER_TIMEOUT = 1 << 20;  // cycles to wait for ready / rvalid during WRITE and READ

struct Sim {
    VerilatedContext* ctx = nullptr;
    VLluArray* top = nullptr;
    uint64_t cycles = 0;
    bool dead = false;
    std::string err;
    std::jmp_buf jb;
#if VM_TRACE
    VerilatedVcdC* vcd = nullptr;
#endif
};

thread_local Sim* t_cur = nullptr;  // the instance whose entry point is active on this thread

[[noreturn]] void bail(const std::string& msg) {
    Sim* s = t_cur;
    if (!s) {  // outside any entry point: nothing to return to
        std::fprintf(stderr, "ifm: fatal outside a call: %s\n", msg.c_str());
        std::abort();
    }
    s->err = msg;
    s->dead = true;
    std::longjmp(s->jb, 1);
}

std::string where(const char* file, int line, const char* hier) {
    std::string w;
    if (file && file[0]) w += std::string(file) + ":" + std::to_string(line) + ": ";
    if (hier && hier[0]) w += std::string(hier) + ": ";
    return w;
}

// Runs f inside a guard: a Verilator fatal comes back here as `fail`.
template <typename R, typename F>
R guarded(Sim* s, R fail, F f) {
    if (!s) return fail;
    if (s->dead) {
        if (s->err.rfind("dead: ", 0) != 0) s->err = "dead: " + s->err;
        return fail;
    }
    Sim* prev = t_cur;
    t_cur = s;
    if (setjmp(s->jb) != 0) {
        t_cur = prev;
        return fail;
    }
    R r = f();
    t_cur = prev;
    return r;
}

void dump(Sim* s) {
#if VM_TRACE
    if (s->vcd && s->vcd->isOpen()) s->vcd->dump(s->ctx->time());
#else
    (void)s;
#endif
}

// One clock cycle with the inputs as they are; the clock rests low between cycles, so inputs set
// by the caller settle (eval) before the rising edge.
void step(Sim* s) {
    s->top->clock = 1;
    s->top->eval();
    s->ctx->timeInc(1);
    dump(s);
    s->top->clock = 0;
    s->top->eval();
    s->ctx->timeInc(1);
    dump(s);
    s->cycles++;
}

void idle(Sim* s) {
    s->top->io_host_valid = 0;
    s->top->eval();
}

// Presents one command until the array takes it; false on timeout.
bool issue(Sim* s, int32_t op, uint32_t addr, uint64_t wdata, int64_t maxWait) {
    VLluArray* t = s->top;
    t->io_host_valid = 1;
    t->io_host_op = op;
    t->io_host_addr = addr;
    t->io_host_wdata = wdata;
    for (int64_t w = 0;; w++) {
        t->eval();
        const bool take = t->io_host_ready;
        step(s);
        if (take) break;
        if (w >= maxWait) {
            idle(s);
            return false;
        }
    }
    idle(s);
    return true;
}

int64_t timeout(Sim* s, const char* what, uint32_t addr, int64_t cycles) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "timeout: %s at address 0x%08x not done after %lld cycles", what, addr, (long long)cycles);
    s->err = buf;
    return ERR_TIMEOUT;
}

int64_t doWrite(Sim* s, uint32_t addr, const int64_t* data, int32_t n) {
    for (int32_t i = 0; i < n; i++)
        if (!issue(s, OP_WRITE, addr + i, (uint64_t)data[i], TRANSFER_TIMEOUT)) return timeout(s, "WRITE", addr + i, TRANSFER_TIMEOUT);
    return 0;
}

// Reads back to back while the array takes them; answers come in order, 2 cycles later.
int64_t doRead(Sim* s, uint32_t addr, int64_t* out, int32_t n) {
    VLluArray* t = s->top;
    int32_t sent = 0, got = 0;
    int64_t waited = 0;
    while (got < n) {
        bool take = false;
        if (sent < n) {
            t->io_host_valid = 1;
            t->io_host_op = OP_READ;
            t->io_host_addr = addr + sent;
            t->io_host_wdata = 0;
            t->eval();
            take = t->io_host_ready;
        }
        step(s);
        if (take) sent++;
        if (sent == n) idle(s);
        if (t->io_host_rvalid) {
            if (got >= sent) {
                s->err = "protocol: rvalid without a READ";
                return ERR_FATAL;
            }
            out[got++] = (int64_t)t->io_host_rdata;
            waited = 0;
        } else if (++waited > TRANSFER_TIMEOUT) {
            idle(s);
            return timeout(s, "READ", addr + got, TRANSFER_TIMEOUT);
        }
    }
    idle(s);
    return 0;
}

// Issues RUN or BOUNDARY and waits until ready: the cycles from the accepting edge on.
int64_t doCommand(Sim* s, int32_t op, int64_t arg, int64_t maxCycles) {
    if (op != OP_RUN && op != OP_BOUNDARY) {
        s->err = "command: op must be RUN (" + std::to_string(OP_RUN) + ") or BOUNDARY (" + std::to_string(OP_BOUNDARY) + "), got " + std::to_string(op);
        return ERR_ARG;
    }
    if (!issue(s, op, 0, (uint64_t)arg, maxCycles)) return timeout(s, "command (array busy before it)", 0, maxCycles);
    const uint64_t start = s->cycles - 1;
    while (!s->top->io_host_ready) {
        if ((int64_t)(s->cycles - start) >= maxCycles) {
            char buf[160];
            std::snprintf(buf, sizeof buf, "timeout: command op %d arg 0x%llx not done after %lld cycles", op, (unsigned long long)arg,
                          (long long)maxCycles);
            s->err = buf;
            return ERR_TIMEOUT;
        }
        step(s);
    }
    return (int64_t)(s->cycles - start);
}

void doReset(Sim* s) {
    VLluArray* t = s->top;
    t->io_host_valid = 0;
    t->reset = 1;
    t->clock = 0;
    t->eval();
    for (int i = 0; i < RESET_CYCLES; i++) step(s);
    t->reset = 0;
    t->eval();
}

}  // namespace

// Verilator's user hooks (compiled with -DVL_USER_FATAL -DVL_USER_STOP -DVL_USER_FINISH)
void vl_fatal(const char* filename, int linenum, const char* hier, const char* msg) { bail("fatal: " + where(filename, linenum, hier) + (msg ? msg : "")); }
void vl_stop(const char* filename, int linenum, const char* hier) { bail("model stopped ($stop): " + where(filename, linenum, hier)); }
void vl_finish(const char* filename, int linenum, const char* hier) { bail("model finished ($finish): " + where(filename, linenum, hier)); }

extern "C" {

void* ifm_create(void) {
    Sim* s = new Sim();
    // construction can fail inside Verilator too
    const int64_t r = guarded<int64_t>(s, ERR_FATAL, [&]() -> int64_t {
        s->ctx = new VerilatedContext;
        s->ctx->fatalOnError(true);
        s->ctx->fatalOnVpiError(true);
#if VM_TRACE
        s->ctx->traceEverOn(true);
#endif
        s->top = new VLluArray{s->ctx, "TOP"};
        doReset(s);
        return 0;
    });
    if (r < 0) {
        std::fprintf(stderr, "ifm_create: %s\n", s->err.c_str());
        return nullptr;
    }
    return s;
}

void ifm_destroy(void* h) {
    Sim* s = static_cast<Sim*>(h);
    if (!s) return;
    if (s->dead) return;  // state unknown after a fatal: leak rather than crash
    guarded<int64_t>(s, ERR_FATAL, [&]() -> int64_t {
#if VM_TRACE
        if (s->vcd) {
            s->vcd->close();
            delete s->vcd;
            s->vcd = nullptr;
        }
#endif
        s->top->final();
        delete s->top;
        delete s->ctx;
        s->top = nullptr;
        s->ctx = nullptr;
        return 0;
    });
    if (!s->dead) delete s;
}

int ifm_reset(void* h) {
    Sim* s = static_cast<Sim*>(h);
    return (int)guarded<int64_t>(s, ERR_FATAL, [&]() -> int64_t {
        doReset(s);
        return 0;
    });
}

int ifm_write(void* h, uint32_t addr, const int64_t* data, int32_t n) {
    Sim* s = static_cast<Sim*>(h);
    if (s && (n < 0 || (n > 0 && !data))) {
        s->err = "write: bad buffer";
        return (int)ERR_ARG;
    }
    return (int)guarded<int64_t>(s, ERR_FATAL, [&]() { return doWrite(s, addr, data, n); });
}

int ifm_read(void* h, uint32_t addr, int64_t* out, int32_t n) {
    Sim* s = static_cast<Sim*>(h);
    if (s && (n < 0 || (n > 0 && !out))) {
        s->err = "read: bad buffer";
        return (int)ERR_ARG;
    }
    return (int)guarded<int64_t>(s, ERR_FATAL, [&]() { return doRead(s, addr, out, n); });
}

int64_t ifm_command(void* h, int32_t op, int64_t arg, int64_t maxCycles) {
    Sim* s = static_cast<Sim*>(h);
    return guarded<int64_t>(s, ERR_FATAL, [&]() { return doCommand(s, op, arg, maxCycles); });
}

int64_t ifm_run_batch(void* h, int32_t batch, int32_t features, const int32_t* x, const int32_t* labels, int64_t runArg, uint32_t outAddr,
                      int32_t outWords, int64_t* out, int64_t* cyclesPerSample, int64_t maxCycles) {
    Sim* s = static_cast<Sim*>(h);
    if (s && (batch < 0 || features < 0 || outWords < 0 || (batch > 0 && features > 0 && !x) || (batch > 0 && outWords > 0 && !out))) {
        s->err = "run_batch: bad buffer";
        return ERR_ARG;
    }
    return guarded<int64_t>(s, ERR_FATAL, [&]() -> int64_t {
        const uint64_t start = s->cycles;
        std::string buf;
        int64_t* words = new int64_t[features > 0 ? features : 1];
        int64_t r = 0;
        for (int32_t b = 0; b < batch && r >= 0; b++) {
            for (int32_t i = 0; i < features; i++) words[i] = x[(int64_t)b * features + i];
            r = doWrite(s, REGION_INPUT << REGION_SHIFT, words, features);
            if (r < 0) break;
            const int64_t label = labels ? labels[b] : -1;
            r = doWrite(s, (REGION_CONFIG << REGION_SHIFT) | CONFIG_LABEL, &label, 1);
            if (r < 0) break;
            r = doCommand(s, OP_RUN, runArg, maxCycles);
            if (r < 0) break;
            if (cyclesPerSample) cyclesPerSample[b] = r;
            r = doRead(s, outAddr, out + (int64_t)b * outWords, outWords);
        }
        delete[] words;  // (skipped on a fatal: a leak, not a crash)
        return r < 0 ? r : (int64_t)(s->cycles - start);
    });
}

// One Verilator run-time argument (+verilator+seed+N, a design plusarg). An unknown +verilator+
// option is a Verilator fatal: the tests use it to prove that a fatal comes back as an error.
int ifm_plusarg(void* h, const char* arg) {
    Sim* s = static_cast<Sim*>(h);
    if (s && !arg) {
        s->err = "plusarg: null";
        return (int)ERR_ARG;
    }
    return (int)guarded<int64_t>(s, ERR_FATAL, [&]() -> int64_t {
        const char* argv[] = {"ifm", arg};
        s->ctx->commandArgsAdd(2, argv);
        return 0;
    });
}

uint64_t ifm_cycles(void* h) {
    Sim* s = static_cast<Sim*>(h);
    return s ? s->cycles : 0;
}

const char* ifm_params_hash(void) { return IFM_STR(IFM_PARAMS_HASH); }

int ifm_trace(void* h, const char* path, int on) {
    Sim* s = static_cast<Sim*>(h);
#if VM_TRACE
    return (int)guarded<int64_t>(s, ERR_FATAL, [&]() -> int64_t {
        if (on) {
            if (!path) {
                s->err = "trace: no path";
                return ERR_ARG;
            }
            if (s->vcd) s->vcd->close();
            else {
                s->vcd = new VerilatedVcdC;
                s->top->trace(s->vcd, 99);
            }
            s->vcd->open(path);
            if (!s->vcd->isOpen()) {
                s->err = std::string("trace: cannot open ") + path;
                return ERR_ARG;
            }
            dump(s);
        } else if (s->vcd) {
            s->vcd->close();
        }
        return 0;
    });
#else
    (void)path;
    (void)on;
    if (s) s->err = "trace: this simulation library was built without --trace";
    return (int)ERR_NOTRACE;
#endif
}

const char* ifm_last_error(void* h) {
    Sim* s = static_cast<Sim*>(h);
    return s ? s->err.c_str() : "no instance";
}

}  // extern "C"
