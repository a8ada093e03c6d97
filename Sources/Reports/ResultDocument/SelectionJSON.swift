import Support
import SymbolicRegression

extension SelectionSummary {
  /// The `selection` section of a result document: rule, reason and every member's scores (front order).
  public var json: JSONValue {
    .object([
      ("rule", .string(rule.rawValue)),
      ("reason", .string(reason)),
      ("folds", .integer(folds)),
      ("grouped", .bool(grouped)),
      ("rows", .integer(rows)),
      ("noise_variance", .number(noiseVariance)),
      ("selected", selected.map { .integer($0) } ?? .null),
      ("best", best.map { .integer($0) } ?? .null),
      ("threshold", .number(threshold)),
      (
        "members",
        .array(
          members.map { m in
            .object([
              ("cv_loss", .number(m.cvLoss)), ("cv_se", .number(m.cvStandardError)),
              ("difference_to_best", .number(m.differenceToBest)),
              ("difference_se", .number(m.differenceStandardError)),
              ("aicc", .number(m.aicc)), ("bic", .number(m.bic)), ("score", .number(m.score)),
            ])
          })
      ),
    ])
  }
}
