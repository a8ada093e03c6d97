// CGSL: the GNU Scientific Library headers that MTLFormulas uses, plus accessors for GSL's C globals.
//
// Swift 6 refuses to read mutable C globals such as `gsl_rng_mt19937` ("not concurrency-safe"), so each
// global the project needs is returned by a `static inline` accessor function instead (cgsl_<name>).
#ifndef CGSL_SHIM_H
#define CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_multifit_nlinear.h>

// Random number generator types.
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }

// Nonlinear least squares: method, trust-region subproblems, scaling and linear solvers.
static inline const gsl_multifit_nlinear_type *cgsl_multifit_nlinear_trust(void) { return gsl_multifit_nlinear_trust; }
static inline const gsl_multifit_nlinear_trs *cgsl_multifit_nlinear_trs_lm(void) { return gsl_multifit_nlinear_trs_lm; }
static inline const gsl_multifit_nlinear_trs *cgsl_multifit_nlinear_trs_lmaccel(void) { return gsl_multifit_nlinear_trs_lmaccel; }
static inline const gsl_multifit_nlinear_trs *cgsl_multifit_nlinear_trs_dogleg(void) { return gsl_multifit_nlinear_trs_dogleg; }
static inline const gsl_multifit_nlinear_scale *cgsl_multifit_nlinear_scale_more(void) { return gsl_multifit_nlinear_scale_more; }
static inline const gsl_multifit_nlinear_scale *cgsl_multifit_nlinear_scale_levenberg(void) { return gsl_multifit_nlinear_scale_levenberg; }
static inline const gsl_multifit_nlinear_scale *cgsl_multifit_nlinear_scale_marquardt(void) { return gsl_multifit_nlinear_scale_marquardt; }
static inline const gsl_multifit_nlinear_solver *cgsl_multifit_nlinear_solver_qr(void) { return gsl_multifit_nlinear_solver_qr; }
static inline const gsl_multifit_nlinear_solver *cgsl_multifit_nlinear_solver_cholesky(void) { return gsl_multifit_nlinear_solver_cholesky; }
static inline const gsl_multifit_nlinear_solver *cgsl_multifit_nlinear_solver_svd(void) { return gsl_multifit_nlinear_solver_svd; }

// GSL_SUCCESS and friends come into Swift as an untyped enum; these give them as plain ints.
static inline int cgsl_success(void) { return GSL_SUCCESS; }
static inline int cgsl_continue(void) { return GSL_CONTINUE; }
static inline int cgsl_edom(void) { return GSL_EDOM; }
static inline int cgsl_emaxiter(void) { return GSL_EMAXITER; }
static inline int cgsl_enoprog(void) { return GSL_ENOPROG; }

#endif
