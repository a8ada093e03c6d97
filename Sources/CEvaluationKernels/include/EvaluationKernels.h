// CEvaluationKernels: the element-wise loops of the symbolic-regression interpreter.
//
// The Swift interpreter (SymbolicRegression.Evaluator) turns a postfix program into a list of
// `mtlf_instruction`s once per evaluation; `mtlf_evaluate_block` then runs that list over one block of rows,
// one tight loop per instruction, with the finiteness check fused into each loop. The function is compiled once
// per x86-64 vector level (AVX-512, AVX2, baseline SSE2) and the best one for the running CPU is picked when the
// program loads, so a binary built on one machine runs on any x86-64 machine. Apart from log, exp and pow (the C
// library's scalar functions, as in Swift), only correctly rounded IEEE operations are used (+ - * / sqrt, with
// floating-point contraction off), so every vector level gives bit-identical results.
#ifndef MTLF_EVALUATION_KERNELS_H
#define MTLF_EVALUATION_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Operations of `mtlf_instruction.opcode`.
enum {
    MTLF_ADD = 0,
    MTLF_SUBTRACT = 1,
    MTLF_MULTIPLY = 2,
    MTLF_DIVIDE = 3,
    MTLF_SQRT = 4,
    MTLF_SQUARE = 5,
    MTLF_ABS = 6,
    MTLF_NEGATE = 7,
    MTLF_RECIPROCAL = 8,
    MTLF_LOG = 9,
    MTLF_EXP = 10,
    MTLF_POWER = 11,
};

/// One element-wise operation. Operands name a buffer: `k >= 0` is scratch buffer k (at `scratch + k * stride`),
/// `k < 0` is feature column `-k - 1` (read in place at `columns + (-k - 1) * rows + start`). `out` is always a
/// scratch buffer and never one of the operands; `b` is ignored by unary operations, `exponent` by all but
/// MTLF_POWER.
typedef struct {
    int32_t opcode;
    int32_t out;
    int32_t a;
    int32_t b;
    double exponent;
} mtlf_instruction;

/// Runs `count` instructions over the `len` rows starting at `start`. Returns the buffer of operand `result`,
/// or NULL as soon as any intermediate or final value is infinite or NaN.
const double *mtlf_evaluate_block(const mtlf_instruction *code, size_t count, double *scratch, size_t stride,
                                  const double *columns, size_t rows, size_t start, size_t len, int32_t result);

/// Weighted sums for the Gauss–Newton normal equations. Each accumulates in 8 interleaved partial sums (element i goes
/// to sum i mod 8) that are combined in a fixed order, so the result is the same at every vector level.
/// Σ (w[i]·a[i])·b[i]
double mtlf_weighted_dot(const double *w, const double *a, const double *b, size_t n);
/// Σ (w[i]·a[i])·(y[i] − r[i])
double mtlf_weighted_residual_dot(const double *w, const double *a, const double *y, const double *r, size_t n);
/// Σ (w[i]·e)·e with e = y[i] − r[i]
double mtlf_weighted_squared_residuals(const double *w, const double *y, const double *r, size_t n);

/// 1 when every one of the `n` values is finite.
int mtlf_all_finite(const double *a, size_t n);

/// Name of the vector level the kernels run at on this CPU ("avx512f", "avx2" or "baseline").
const char *mtlf_kernel_level(void);

#ifdef __cplusplus
}
#endif

#endif
