import Support

/// One formula of a result document's front, with its fitted constants and statistics.
public struct FormulaEntry: Sendable, Equatable {
  public var complexity: Int
  /// The formula with symbolic constant names (our syntax).
  public var expression: String
  /// The formula with fitted values substituted, parsable by `sympy.sympify`.
  public var sympy: String
  public var latex: String
  public var constants: [ConstantEntry]
  public var r2: Double?
  public var adjustedR2: Double?
  public var rmse: Double?
  public var mae: Double?
  public var aic: Double?
  public var aicc: Double?
  public var bic: Double?
  public var logLikelihood: Double?
  public var r2Train: Double?
  public var r2Validation: Double?
  public var r2Test: Double?
  public var rmseTest: Double?
  public var crossValidation: CrossValidationEntry?
  /// Covariance matrix of the constants (order of `constants`), for confidence bands of predictions.
  public var covariance: [[Double]]?
  /// Residual degrees of freedom of the fit.
  public var degreesOfFreedom: Int?
  /// Additional fields appended after the standard ones.
  public var extra: [(String, JSONValue)]

  public init(
    complexity: Int, expression: String, sympy: String, latex: String, constants: [ConstantEntry],
    r2: Double? = nil, adjustedR2: Double? = nil, rmse: Double? = nil, mae: Double? = nil,
    aic: Double? = nil, aicc: Double? = nil, bic: Double? = nil, logLikelihood: Double? = nil,
    r2Train: Double? = nil, r2Validation: Double? = nil, r2Test: Double? = nil, rmseTest: Double? = nil,
    crossValidation: CrossValidationEntry? = nil, covariance: [[Double]]? = nil,
    degreesOfFreedom: Int? = nil, extra: [(String, JSONValue)] = []
  ) {
    self.complexity = complexity
    self.expression = expression
    self.sympy = sympy
    self.latex = latex
    self.constants = constants
    self.r2 = r2
    self.adjustedR2 = adjustedR2
    self.rmse = rmse
    self.mae = mae
    self.aic = aic
    self.aicc = aicc
    self.bic = bic
    self.logLikelihood = logLikelihood
    self.r2Train = r2Train
    self.r2Validation = r2Validation
    self.r2Test = r2Test
    self.rmseTest = rmseTest
    self.crossValidation = crossValidation
    self.covariance = covariance
    self.degreesOfFreedom = degreesOfFreedom
    self.extra = extra
  }

  public static func == (lhs: FormulaEntry, rhs: FormulaEntry) -> Bool { lhs.json == rhs.json }

  public var json: JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("complexity", .integer(complexity)),
      ("expression", .string(expression)),
      ("sympy", .string(sympy)),
      ("latex", .string(latex)),
      ("constants", .array(constants.map(\.json))),
      ("r2", .number(r2)),
      ("adj_r2", .number(adjustedR2)),
      ("rmse", .number(rmse)),
      ("mae", .number(mae)),
      ("aic", .number(aic)),
      ("aicc", .number(aicc)),
      ("bic", .number(bic)),
      ("log_likelihood", .number(logLikelihood)),
      ("r2_train", .number(r2Train)),
      ("r2_validation", .number(r2Validation)),
      ("r2_test", .number(r2Test)),
      ("rmse_test", .number(rmseTest)),
      ("cv", crossValidation?.json ?? .null),
      ("dof", degreesOfFreedom.map { .integer($0) } ?? .null),
      ("covariance", covariance.map { .array($0.map { .array($0.map { .number($0) }) }) } ?? .null),
    ]
    pairs.append(contentsOf: extra)
    return .object(pairs)
  }

  init(json: JSONValue, context: String) throws {
    guard let expression = json["expression"]?.stringValue else {
      throw ResultDocumentError(description: "\(context): missing 'expression'")
    }
    let constants = try (json["constants"]?.arrayValue ?? []).map { value -> ConstantEntry in
      guard let name = value["name"]?.stringValue, let v = value["value"]?.doubleValue else {
        throw ResultDocumentError(description: "\(context): a constant lacks 'name' or a finite 'value'")
      }
      let ci = value["ci95"]?.arrayValue?.map(\.doubleValue)
      return ConstantEntry(
        name: name, value: v, standardError: value["stderr"]?.doubleValue,
        ci95: ci.flatMap { $0.count == 2 && $0[0] != nil && $0[1] != nil ? ($0[0]!, $0[1]!) : nil },
        t: value["t"]?.doubleValue, p: value["p"]?.doubleValue)
    }
    self.init(
      complexity: json["complexity"]?.intValue ?? 0, expression: expression,
      sympy: json["sympy"]?.stringValue ?? "", latex: json["latex"]?.stringValue ?? "",
      constants: constants, r2: json["r2"]?.doubleValue, adjustedR2: json["adj_r2"]?.doubleValue,
      rmse: json["rmse"]?.doubleValue, mae: json["mae"]?.doubleValue, aic: json["aic"]?.doubleValue,
      aicc: json["aicc"]?.doubleValue, bic: json["bic"]?.doubleValue,
      logLikelihood: json["log_likelihood"]?.doubleValue, r2Train: json["r2_train"]?.doubleValue,
      r2Validation: json["r2_validation"]?.doubleValue, r2Test: json["r2_test"]?.doubleValue,
      rmseTest: json["rmse_test"]?.doubleValue,
      crossValidation: json["cv"].flatMap(CrossValidationEntry.init(json:)),
      covariance: json["covariance"]?.arrayValue?.map { ($0.arrayValue ?? []).map { $0.doubleValue ?? .nan } },
      degreesOfFreedom: json["dof"]?.intValue)
  }
}

/// A fitted constant with its uncertainty.
public struct ConstantEntry: Sendable, Equatable {
  public var name: String
  public var value: Double
  public var standardError: Double?
  public var ci95: (Double, Double)?
  public var t: Double?
  public var p: Double?

  public init(name: String, value: Double, standardError: Double?, ci95: (Double, Double)?, t: Double?, p: Double?) {
    self.name = name
    self.value = value
    self.standardError = standardError
    self.ci95 = ci95
    self.t = t
    self.p = p
  }

  public static func == (lhs: ConstantEntry, rhs: ConstantEntry) -> Bool { lhs.json == rhs.json }

  public var json: JSONValue {
    let ci: JSONValue = ci95.map { .array([.number($0.0), .number($0.1)]) } ?? .null
    return .object([
      ("name", .string(name)), ("value", .number(value)), ("stderr", .number(standardError)),
      ("ci95", ci), ("t", .number(t)), ("p", .number(p)),
    ])
  }
}

/// Cross-validated R² of a formula.
public struct CrossValidationEntry: Sendable, Equatable {
  public var k: Int
  public var grouped: Bool
  public var r2Mean: Double?
  public var r2SD: Double?
  public var rmseMean: Double?

  public init(k: Int, grouped: Bool, r2Mean: Double?, r2SD: Double?, rmseMean: Double?) {
    self.k = k
    self.grouped = grouped
    self.r2Mean = r2Mean
    self.r2SD = r2SD
    self.rmseMean = rmseMean
  }

  init?(json: JSONValue) {
    guard let k = json["k"]?.intValue else { return nil }
    self.init(
      k: k, grouped: json["grouped"]?.boolValue ?? false, r2Mean: json["r2_mean"]?.doubleValue,
      r2SD: json["r2_sd"]?.doubleValue, rmseMean: json["rmse_mean"]?.doubleValue)
  }

  public var json: JSONValue {
    .object([
      ("k", .integer(k)), ("grouped", .bool(grouped)), ("r2_mean", .number(r2Mean)),
      ("r2_sd", .number(r2SD)), ("rmse_mean", .number(rmseMean)),
    ])
  }
}
