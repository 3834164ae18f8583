public import EthicsCore

/// A form driver for operations whose input is given whole: any further question is an error.
public struct NoForms: FormDriver {
    public init() {}

    public func answers(to form: Form, current: FormAnswers) async throws -> FormAnswers {
        throw DiagnosticError.error("no further questions can be answered here; '\(form.id)' was asked")
    }
}
