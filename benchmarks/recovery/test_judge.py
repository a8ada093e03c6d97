"""Plain-assert checks of the recovery judge: python test_judge.py (run by run-recovery.sh before the suite)."""
import numpy as np

from recovery import judge

LAW = {"name": "t", "expression": "0.8*(1 - exp(-n/3000))", "variables": {"n": [500, 50000, "log"]}}
SQRT = {"name": "s", "expression": "0.7 + 2/sqrt(n) + 0.15*sqrt(AMI)", "variables": {"n": [500, 50000], "AMI": [0.01, 0.9]}}
GAUSS = {"name": "g", "expression": "exp(-theta**2/2)/sqrt(2*pi)", "variables": {"theta": [1, 3]}}


def check(law, model, expected):
    rng = np.random.default_rng(1)
    x = np.column_stack([rng.uniform(lo, hi, 200) for lo, hi, *_ in law["variables"].values()])
    import sympy as sp
    names = list(law["variables"])
    f = sp.lambdify([sp.Symbol(v) for v in names], sp.sympify(law["expression"]), "numpy")
    y = np.asarray(f(*x.T), dtype=float) * np.ones(200)
    exact, r2, note = judge(law, model, x, y)
    assert exact == expected, (model, note)


check(LAW, "0.8 - 0.8*exp(-0.0003333333333*n)", True)
check(LAW, "0.8006 - 0.8*exp(-0.000333*n)", True)        # constant offset after rounding
check(LAW, "0.8 - 0.8*exp(-0.00034*n)", False)
check(SQRT, "0.7 + 2/sqrt(n) + 0.15*sqrt(AMI)", True)
check(SQRT, "0.7001 + 2.0002*n^(-0.5) + 0.15*AMI^0.5", True)
check(SQRT, "0.717 + 44/n + 0.148*sqrt(AMI)", False)
check(SQRT, "1.4 + 4/sqrt(n) + 0.3*sqrt(AMI)", False)      # ratio 2, but R² test ≤ 0.5 (SRBench asks for > 0.5)
check(GAUSS, "0.3989422804*exp(-0.5*theta**2)", True)
check(GAUSS, "0.4*exp(-0.5*theta**2)", True)          # a constant ratio (1.0025) counts, as in SRBench
check(GAUSS, "0.4*exp(-0.51*theta**2)", False)
check(GAUSS, "not a formula (", False)
PRODUCT = {"name": "p", "expression": "0.5 + 0.05*log(n) + 0.02*T*AMI",
           "variables": {"n": [500, 50000], "T": [1, 10], "AMI": [0.01, 0.9]}}
check(PRODUCT, "0.497 + 0.0197*T*AMI + 0.05033*log(n)", True)   # SRBench's rule: 0.0197 rounds to 0.02
check(PRODUCT, "0.497 + 0.0187*T*AMI + 0.05033*log(n)", False)
check(PRODUCT, "0.5 + 0.05*log(n) + 0.02*T*AMI + 2.220446049250313e-16*n", True)   # |x| < 1e-4 is 0
RELATIVISTIC = {"name": "r", "expression": "m_0/sqrt(1 - v**2/c**2)",
                "variables": {"m_0": [1, 5], "v": [1, 2], "c": [3, 10]}}
check(RELATIVISTIC, "m_0*sqrt(1 + 1/((c/v)**2 - 1))", True)   # equal where v < c
check(RELATIVISTIC, "m_0*exp(0.57/(c/v)**2)", False)
print("judge: all checks passed")
