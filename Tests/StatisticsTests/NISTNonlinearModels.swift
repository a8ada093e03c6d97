import Foundation

/// The twelve NIST StRD nonlinear models with analytic gradients ∂y/∂b (written for these tests).
/// `evaluate(b, x)` returns the prediction and its gradient with respect to b.
enum NISTNonlinearModel: String, CaseIterable, CustomStringConvertible {
  case Misra1a, Chwirut2, DanWood, Lanczos3, MGH09, MGH10, Thurber, Bennett5, BoxBOD, Eckerle4, Rat42, Rat43

  var description: String { rawValue }

  func evaluate(_ b: UnsafeBufferPointer<Double>, _ x: Double) -> (y: Double, gradient: [Double]) {
    switch self {
    case .Misra1a, .BoxBOD:  // b1*(1-exp(-b2*x))
      let e = exp(-b[1] * x)
      return (b[0] * (1 - e), [1 - e, b[0] * x * e])
    case .Chwirut2:  // exp(-b1*x)/(b2+b3*x)
      let e = exp(-b[0] * x)
      let d = b[1] + b[2] * x
      return (e / d, [-x * e / d, -e / (d * d), -x * e / (d * d)])
    case .DanWood:  // b1*x**b2
      let power = pow(x, b[1])
      return (b[0] * power, [power, b[0] * power * log(x)])
    case .Lanczos3:  // b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)
      var y = 0.0
      var g = [Double](repeating: 0, count: 6)
      for k in stride(from: 0, to: 6, by: 2) {
        let e = exp(-b[k + 1] * x)
        y += b[k] * e
        g[k] = e
        g[k + 1] = -b[k] * x * e
      }
      return (y, g)
    case .MGH09:  // b1*(x**2+x*b2) / (x**2+x*b3+b4)
      let num = x * x + x * b[1]
      let den = x * x + x * b[2] + b[3]
      return (
        b[0] * num / den,
        [num / den, b[0] * x / den, -b[0] * num * x / (den * den), -b[0] * num / (den * den)]
      )
    case .MGH10:  // b1 * exp[b2/(x+b3)]
      let u = x + b[2]
      let e = exp(b[1] / u)
      return (b[0] * e, [e, b[0] * e / u, -b[0] * e * b[1] / (u * u)])
    case .Thurber:  // (b1 + b2 x + b3 x² + b4 x³)/(1 + b5 x + b6 x² + b7 x³)
      let x2 = x * x
      let x3 = x2 * x
      let num = b[0] + b[1] * x + b[2] * x2 + b[3] * x3
      let den = 1 + b[4] * x + b[5] * x2 + b[6] * x3
      let q = num / (den * den)
      return (num / den, [1 / den, x / den, x2 / den, x3 / den, -q * x, -q * x2, -q * x3])
    case .Bennett5:  // b1 * (b2+x)**(-1/b3)
      let u = b[1] + x
      let f = pow(u, -1 / b[2])
      return (b[0] * f, [f, -b[0] * f / (b[2] * u), b[0] * f * log(u) / (b[2] * b[2])])
    case .Eckerle4:  // (b1/b2) * exp[-0.5*((x-b3)/b2)**2]
      let z = (x - b[2]) / b[1]
      let e = exp(-0.5 * z * z)
      return (
        b[0] / b[1] * e,
        [e / b[1], b[0] * e * (z * z - 1) / (b[1] * b[1]), b[0] * e * z / (b[1] * b[1])]
      )
    case .Rat42:  // b1 / (1+exp[b2-b3*x])
      let e = exp(b[1] - b[2] * x)
      let d = 1 + e
      return (b[0] / d, [1 / d, -b[0] * e / (d * d), b[0] * x * e / (d * d)])
    case .Rat43:  // b1 / ((1+exp[b2-b3*x])**(1/b4))
      let e = exp(b[1] - b[2] * x)
      let d = 1 + e
      let f = pow(d, -1 / b[3])
      let g = b[0] * f * e / (b[3] * d)
      return (b[0] * f, [f, -g, x * g, b[0] * f * log(d) / (b[3] * b[3])])
    }
  }
}
