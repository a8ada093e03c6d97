// Thin bridge to OpenBLAS's Fortran BLAS symbols (sgemm_, sgemv_).
// We call the Fortran entry points rather than cblas_*: GSL's reference CBLAS (libgslcblas), linked into the
// same binary through pkg-config gsl, also defines cblas_sgemm, and whichever library comes first would win.
// libgslcblas does not define the Fortran names, so these always bind to libopenblas.
#ifndef MTL_COPENBLAS_SHIM_H
#define MTL_COPENBLAS_SHIM_H

extern void sgemm_(const char *transa, const char *transb, const int *m, const int *n, const int *k,
                   const float *alpha, const float *a, const int *lda, const float *b, const int *ldb,
                   const float *beta, float *c, const int *ldc);
extern void sgemv_(const char *trans, const int *m, const int *n, const float *alpha, const float *a,
                   const int *lda, const float *x, const int *incx, const float *beta, float *y, const int *incy);
extern void openblas_set_num_threads(int num_threads);
extern int openblas_get_num_threads(void);
extern char *openblas_get_config(void);

/// Column-major GEMM: C = alpha * op(A) * op(B) + beta * C, op = 'N' or 'T'.
static inline void mtl_sgemm(char transa, char transb, int m, int n, int k, float alpha, const float *a, int lda,
                             const float *b, int ldb, float beta, float *c, int ldc) {
    sgemm_(&transa, &transb, &m, &n, &k, &alpha, a, &lda, b, &ldb, &beta, c, &ldc);
}

/// Column-major GEMV: y = alpha * op(A) * x + beta * y.
static inline void mtl_sgemv(char trans, int m, int n, float alpha, const float *a, int lda, const float *x,
                             int incx, float beta, float *y, int incy) {
    sgemv_(&trans, &m, &n, &alpha, a, &lda, x, &incx, &beta, y, &incy);
}

/// Address of the GEMM routine actually called, for checking (dladdr) which library serves it.
static inline const void *mtl_sgemm_address(void) { return (const void *)&sgemm_; }

static inline void mtl_blas_set_threads(int n) { openblas_set_num_threads(n); }
static inline int mtl_blas_get_threads(void) { return openblas_get_num_threads(); }
static inline const char *mtl_blas_config(void) { return openblas_get_config(); }

#endif
