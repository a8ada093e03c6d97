// Element-wise kernels of the batched interpreter; see include/EvaluationKernels.h.
#include "EvaluationKernels.h"

#include <math.h>
#include <string.h>

// Results must not depend on the vector level: no fused multiply-add contraction.
#pragma clang fp contract(off)

#if defined(__x86_64__) && defined(__clang__) && defined(__linux__)
#define MTLF_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define MTLF_CLONES
#endif

// The exponent field is all ones exactly for inf and NaN; adding one unit to it then carries into the sign bit.
// An OR over those sums is a reduction that vectorises at every level.
static inline uint64_t mtlf_flag(double r) {
    uint64_t u;
    memcpy(&u, &r, sizeof u);
    return (u & 0x7FF0000000000000ULL) + 0x0010000000000000ULL;
}

#define MTLF_BINARY(name, expr)                                                                              \
    static inline uint64_t name(double *restrict out, const double *restrict a, const double *restrict b,   \
                                size_t n) {                                                                  \
        uint64_t bad = 0;                                                                                    \
        for (size_t i = 0; i < n; i++) {                                                                     \
            double x = a[i], y = b[i];                                                                       \
            double r = (expr);                                                                               \
            out[i] = r;                                                                                      \
            bad |= mtlf_flag(r);                                                                             \
        }                                                                                                    \
        return bad;                                                                                          \
    }

#define MTLF_UNARY(name, expr)                                                                               \
    static inline uint64_t name(double *restrict out, const double *restrict a, double e, size_t n) {       \
        (void)e;                                                                                             \
        uint64_t bad = 0;                                                                                    \
        for (size_t i = 0; i < n; i++) {                                                                     \
            double x = a[i];                                                                                 \
            double r = (expr);                                                                               \
            out[i] = r;                                                                                      \
            bad |= mtlf_flag(r);                                                                             \
        }                                                                                                    \
        return bad;                                                                                          \
    }

MTLF_BINARY(kernel_add, x + y)
MTLF_BINARY(kernel_subtract, x - y)
MTLF_BINARY(kernel_multiply, x * y)
MTLF_BINARY(kernel_divide, x / y)

MTLF_UNARY(kernel_sqrt, __builtin_elementwise_sqrt(x))  // no errno side effect, so it vectorises
MTLF_UNARY(kernel_square, x * x)
MTLF_UNARY(kernel_abs, __builtin_fabs(x))
MTLF_UNARY(kernel_negate, -x)
MTLF_UNARY(kernel_reciprocal, 1.0 / x)
MTLF_UNARY(kernel_log, log(x))
MTLF_UNARY(kernel_exp, exp(x))
MTLF_UNARY(kernel_power, pow(x, e))

MTLF_CLONES const double *mtlf_evaluate_block(const mtlf_instruction *code, size_t count, double *scratch,
                                              size_t stride, const double *columns, size_t rows, size_t start,
                                              size_t len, int32_t result) {
#define MTLF_OPERAND(k)                                                                                      \
    ((k) >= 0 ? scratch + (size_t)(k) * stride : columns + (size_t)(-(int64_t)(k) - 1) * rows + start)
    for (size_t c = 0; c < count; c++) {
        const mtlf_instruction *in = &code[c];
        double *out = scratch + (size_t)in->out * stride;
        const double *a = MTLF_OPERAND(in->a);
        uint64_t bad;
        switch (in->opcode) {
        case MTLF_ADD: bad = kernel_add(out, a, MTLF_OPERAND(in->b), len); break;
        case MTLF_SUBTRACT: bad = kernel_subtract(out, a, MTLF_OPERAND(in->b), len); break;
        case MTLF_MULTIPLY: bad = kernel_multiply(out, a, MTLF_OPERAND(in->b), len); break;
        case MTLF_DIVIDE: bad = kernel_divide(out, a, MTLF_OPERAND(in->b), len); break;
        case MTLF_SQRT: bad = kernel_sqrt(out, a, 0, len); break;
        case MTLF_SQUARE: bad = kernel_square(out, a, 0, len); break;
        case MTLF_ABS: bad = kernel_abs(out, a, 0, len); break;
        case MTLF_NEGATE: bad = kernel_negate(out, a, 0, len); break;
        case MTLF_RECIPROCAL: bad = kernel_reciprocal(out, a, 0, len); break;
        case MTLF_LOG: bad = kernel_log(out, a, 0, len); break;
        case MTLF_EXP: bad = kernel_exp(out, a, 0, len); break;
        default: bad = kernel_power(out, a, in->exponent, len); break;
        }
        if (bad >> 63) return NULL;
    }
    const double *r = MTLF_OPERAND(result);
#undef MTLF_OPERAND
    uint64_t bad = 0;
    for (size_t i = 0; i < len; i++) bad |= mtlf_flag(r[i]);
    return (bad >> 63) ? NULL : r;
}

// Eight interleaved partial sums, combined pairwise in a fixed order: independent of the vector width, and free of
// the latency chain of one running sum.
#define MTLF_LANES 8
static inline double mtlf_combine(const double *acc) {
    return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

#define MTLF_REDUCTION(term)                                                                                 \
    double acc[MTLF_LANES] = {0, 0, 0, 0, 0, 0, 0, 0};                                                       \
    size_t i = 0;                                                                                            \
    for (; i + MTLF_LANES <= n; i += MTLF_LANES) {                                                           \
        for (size_t l = 0; l < MTLF_LANES; l++) {                                                            \
            size_t k = i + l;                                                                                \
            acc[l] += (term);                                                                                \
        }                                                                                                    \
    }                                                                                                        \
    for (size_t l = 0; i + l < n; l++) {                                                                     \
        size_t k = i + l;                                                                                    \
        acc[l] += (term);                                                                                    \
    }                                                                                                        \
    return mtlf_combine(acc);

MTLF_CLONES double mtlf_weighted_dot(const double *w, const double *a, const double *b, size_t n) {
    MTLF_REDUCTION((w[k] * a[k]) * b[k])
}

MTLF_CLONES double mtlf_weighted_residual_dot(const double *w, const double *a, const double *y, const double *r,
                                              size_t n) {
    MTLF_REDUCTION((w[k] * a[k]) * (y[k] - r[k]))
}

MTLF_CLONES double mtlf_weighted_squared_residuals(const double *w, const double *y, const double *r, size_t n) {
    MTLF_REDUCTION((w[k] * (y[k] - r[k])) * (y[k] - r[k]))
}

MTLF_CLONES int mtlf_all_finite(const double *a, size_t n) {
    uint64_t bad = 0;
    for (size_t i = 0; i < n; i++) bad |= mtlf_flag(a[i]);
    return (int)((bad >> 63) ^ 1);
}

const char *mtlf_kernel_level(void) {
#if defined(__x86_64__) && defined(__clang__) && defined(__linux__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return "avx512f";
    if (__builtin_cpu_supports("avx2")) return "avx2";
#endif
    return "baseline";
}
