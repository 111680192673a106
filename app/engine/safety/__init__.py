"""Safety packs for sensitive domains, chosen by detecting the domain in the brief, whatever its archetype.

A pack is added when its domain's cues appear in the brief (task, audience, constraints; see `cues` for the
multilingual cue tables); a child audience age (under 13) also selects the children's pack. Archetypes with a
fixed output (labels, fields, translations, grades) get a pack only when the brief says the assistant talks with
a person, so that a mental-health companion misread as a classifier still gets its crisis rules while a job that
extracts doses from discharge notes gets none. Rules are phrased as good prompts phrase them: the behaviour, then
the reason.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import msgspec

from app.engine.constraints.phones import EMERGENCY_SERVICES
from app.engine.safety.detect import MEDICAL_CUES, detect_domains, without_negated_advice
from app.engine.safety.own_material import MONEY_JOB, scripts_emergency
from app.engine.safety.packs import ASK_JURISDICTION, JURISDICTION, PACKS, SAFETY_GROUP, SafetyPack
from app.engine.safety.routes import (
    STOP_STEP,
    crisis_number,
    emergency_number,
    legal_contact,
    states_crisis_step,
    states_emergency_step,
)
from app.engine.safety.settled import CRISIS_SCRIPTED, MEDICATION_STATED, NOT_COUNSELLING
from app.engine.safety.sourced_doses import DOSES_SOURCED, SOURCE_ONLY, SOURCE_ONLY_ADVICE, SOURCED_ADVICE
from app.engine.safety.yields import Yields, yields
from app.engine.spec import Rule

__all__ = [
    "ASK_JURISDICTION",
    "JURISDICTION",
    "MEDICAL_CUES",
    "PACKS",
    "SAFETY_GROUP",
    "STOP_STEP",
    "SafetyPack",
    "Yields",
    "crisis_number",
    "detect_domains",
    "emergency_number",
    "legal_contact",
    "safety_rules",
    "scripts_emergency",
    "states_crisis_step",
    "states_emergency_step",
    "without_negated_advice",
    "yields",
]

_LOCAL_EMERGENCY = "call their local emergency number"
_VET_EMERGENCY = "contact their vet or the nearest emergency animal clinic"
_US_CRISIS_HINT = " (in the US and Canada: the 988 Suicide & Crisis Lifeline)"


def safety_rules(
    domains: Iterable[str],
    emergency_number: str | None = None,
    *,
    crisis_number: str | None = None,
    legal_contact: str | None = None,
    us_crisis_line: bool = True,
    jurisdiction_known: bool = False,
    settled: Collection[str] = (),
    routed: bool = False,
    crisis_stated: bool = False,
    emergency_stated: bool = False,
    own: Yields | None = None,
    tools_take_personal: bool = False,
) -> list[Rule]:
    """The rules of the selected packs, in pack order.

    `emergency_number` is the number the brief itself gives for emergencies ("call 999"): the packs then name it
    instead of "their local emergency number", so that the prompt never says two different things.
    `crisis_number` is the line it gives for suicide or self-harm: the crisis rule names it, and only it.
    `legal_contact` is how the brief's own legal referral is reached ("call 0808 800 4444"): named beside a lawyer.
    `settled` are the domains whose advice line the brief draws itself: their packs' advice rules go, and with
    `routed` (the brief has its own route, see `settled.routes_itself`) their referrals too. `crisis_stated` says
    the brief gives its own crisis step ("stop the intake and tell them to call or text 988"): the pack's goes.
    `emergency_stated` says the brief scripts its own emergency reply ("if they say they have fallen, start with
    #ALERT and say "… call 112""): the pack's "tell them first to call …" would reorder it. `settled` may also hold
    `NOT_COUNSELLING` ("It's not counselling": no listener's or advice rules) and `MEDICATION_STATED` (the brief's
    own rule on stopping a medicine replaces the pack's). `own` is what the brief routes or is itself (see `yields`):
    a domain it routes loses the packs' referral clauses, its own business is never referred out, a scripted reply
    to personal details replaces the pack's reminder. `tools_take_personal` says a tool of the brief takes a personal
    detail (a phone number, a postcode): the pack's "never ask for a phone number or address" would forbid its flow.
    """
    chosen = set(domains)
    own = own or Yields()
    call_emergency = f"call {emergency_number}" if emergency_number else _LOCAL_EMERGENCY
    fill = {
        "call_emergency": call_emergency,
        "reach_crisis": f"call {crisis_number}" if crisis_number else f"contact a crisis line or {call_emergency}",
        # (999, 911, 112 send no one to an animal: only a line of the brief's own, such as a clinic's, does)
        "call_vet": f"call {emergency_number}"
        if emergency_number and "".join(ch for ch in emergency_number if ch.isdigit()) not in EMERGENCY_SERVICES
        else _VET_EMERGENCY,
        # The US line stays beside the US emergency number; elsewhere it would send people to a line they cannot call.
        "crisis_hint": _US_CRISIS_HINT
        if us_crisis_line and crisis_number is None and emergency_number in (None, "911")
        else "",
    }
    # (the brief's own contact for a domain's urgent case: only the legal one is read, see `routes.legal_contact`)
    contacts = {"legal": legal_contact or own.contacts.get("legal")}
    return [
        msgspec.structs.replace(
            rule, text=rule.text.format_map(fill | _referral_fill(pack, own, contacts.get(pack.domain)))
        )
        if "{" in rule.text
        else rule
        for pack in PACKS
        if pack.domain in chosen
        for index, rule in _sourced(pack, settled)
        if not (jurisdiction_known and rule.text == ASK_JURISDICTION)  # "a tenants' union in Ontario": it is known
        and not _given_way(pack, index, settled, routed)
        and not ((crisis_stated or CRISIS_SCRIPTED in settled) and index in pack.crisis)
        and not (emergency_stated and index in pack.emergency)
        and not (
            NOT_COUNSELLING in settled and pack.domain == "mental_health" and index in (*pack.listening, *pack.advice)
        )
        and not (MEDICATION_STATED in settled and index in pack.medication)
        # (a payment-plan chat tells the person what to do about what they owe: that is its job)
        and not (MONEY_JOB in settled and pack.domain == "money" and index in pack.advice)
        and not ((own.privacy_scripted or tools_take_personal) and index in pack.privacy)
        and not (own.safeguarding_scripted and index in pack.safeguarding)
        and not (pack.domain in own.routes and index in pack.routed_away)
        and not (own.legal_step_stated and index in pack.urgent)
    ]


def _referral_fill(pack: SafetyPack, own: Yields, contact: str | None) -> dict[str, str]:
    """The pack's referral wording for this brief: none for a case the brief routes itself, the business's own route
    when the domain is the brief's business, the brief's own contact beside the pack's route."""
    referral = pack.referral
    if referral is None:
        return {}
    business = pack.domain in own.business
    refused = pack.domain in own.refused  # ("we never refer members to a solicitor": no lawyer beside its contact)
    clause = referral.own_clause if business and referral.own_clause is not None else referral.clause
    if business or ((refused or pack.domain in own.routes) and contact):
        # (the brief's own route and its urgent contact: "call 952 555 901", not "a lawyer, a legal aid service or …")
        reach = contact or referral.reach_own
    elif refused and referral.reach_refused:
        reach = referral.reach_refused  # ("we never refer people to a lawyer", and no contact: no lawyer either)
    elif pack.domain in own.routes and not contact and referral.reach_routed:
        reach = referral.reach_routed  # ("an unsere Rechtsberatung weiterleiten": its own route, no outside one)
    else:
        reach = referral.reach_or.format(contact=contact) if contact and referral.reach_or else referral.reach
    return {"referral": "" if pack.domain in own.routes or refused else clause, "reach": reach}


def _sourced(pack: SafetyPack, settled: Collection[str]) -> list[tuple[int, Rule]]:
    """The pack's rules, with the medical advice line giving doses only as the brief's own material states them when
    that material gives them (a leaflet's drop schedule): "recommend no dose" would forbid the leaflet."""
    if pack.domain != "medical" or not {DOSES_SOURCED, SOURCE_ONLY} & set(settled):
        return list(enumerate(pack.rules))
    # (a document that states doses gives them as it states them; one that only draws the line keeps the limits)
    advice = SOURCED_ADVICE if DOSES_SOURCED in settled else SOURCE_ONLY_ADVICE
    return [(index, advice if index in pack.advice else rule) for index, rule in enumerate(pack.rules)]


def _given_way(pack: SafetyPack, index: int, settled: Collection[str], routed: bool) -> bool:
    """Whether a pack's rule gives way to what the brief says itself about the domain."""
    if pack.domain not in settled:
        return False
    if pack.domain == "medical" and DOSES_SOURCED in settled and index in pack.advice:
        return False  # (the brief's document gives its doses: the line giving them as it states them stays)
    return index in pack.advice or (routed and index in pack.referrals)
