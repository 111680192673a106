"""Corpus of generation briefs, each with its expected primary archetype."""

from __future__ import annotations

from typing import NamedTuple


class Case(NamedTuple):
    task: str
    archetype: str


BRIEFS: tuple[Case, ...] = (
    # customer support
    Case("Answer support tickets for Acme's billing app in Spanish, in a friendly tone", "customer_support"),
    Case(
        "A customer service chatbot for Globex Airlines that handles baggage and refund complaints", "customer_support"
    ),
    Case(
        "Helpdesk assistant for our SaaS product that answers customer questions and escalates outages",
        "customer_support",
    ),
    # coding assistant
    Case("A coding assistant that helps Python developers debug stack traces and write unit tests", "coding_assistant"),
    Case("Write TypeScript functions for React developers at Initech, with short explanations", "coding_assistant"),
    Case("Pair programming helper that refactors legacy Java code", "coding_assistant"),
    # code reviewer
    Case("Review pull requests for security vulnerabilities and bugs before merge", "code_reviewer"),
    Case("A code review bot that comments on each diff for the Hooli platform team", "code_reviewer"),
    # tutor
    Case("A patient math tutor for high school students that uses the Socratic method", "tutor"),
    Case("Teach beginners the basics of chemistry with short lessons and quizzes", "tutor"),
    Case("Homework helper for kids learning fractions", "tutor"),
    # extraction
    Case("Extract the invoice number, vendor, date and total from invoices as JSON", "data_extraction"),
    Case("Parse resumes and pull out name, email, skills and years of experience", "data_extraction"),
    Case("Extract structured data (parties, effective date, term) from contracts", "data_extraction"),
    # classification
    Case("Classify incoming support emails into billing, technical, account or other", "classification"),
    Case("Sentiment analysis: label each product review as positive, negative or neutral", "classification"),
    Case("Categorize news headlines by topic", "classification"),
    # summarisation
    Case("Summarize long research papers for busy executives as bullet points", "summarization"),
    Case("Write a brief TL;DR of each news article", "summarization"),
    Case("Condense Slack threads into the key points and decisions", "summarization"),
    # document QA
    Case("Answer employee questions using only the supplied HR policy documents and cite sources", "document_qa"),
    Case("RAG assistant that answers questions about our product manuals with citations", "document_qa"),
    Case("Answer questions based on the provided contract text, and say when the answer is not in it", "document_qa"),
    # agent with tools
    Case("An autonomous agent that books flights and hotels by calling our travel APIs", "tool_agent"),
    Case("Agent with tools for web search and a calculator that completes multi-step research workflows", "tool_agent"),
    # writing and editing
    Case("Proofread and edit blog posts for grammar, clarity and style", "writing_editor"),
    Case("Rewrite drafts to improve readability for a general audience", "writing_editor"),
    # translation
    Case("Translate marketing emails from English into German", "translation"),
    Case("Localize app UI strings into Japanese, keeping placeholders intact", "translation"),
    # research analyst
    Case("Research analyst that analyzes market trends and competitors in the EV industry", "research_analyst"),
    Case("Market research briefings on consumer fintech for investors", "research_analyst"),
    # SQL
    Case("Write SQL queries against our Postgres warehouse to answer business questions", "sql_analyst"),
    Case("Data analysis assistant that turns metric questions into BigQuery SQL", "sql_analyst"),
    # marketing
    Case("Write ad copy and taglines for Zephyr's running shoe launch campaign", "marketing_copy"),
    Case("Marketing copywriter for landing pages and social media posts", "marketing_copy"),
    # moderation
    Case("Moderate user comments for hate speech, harassment and spam", "content_moderation"),
    Case("Flag posts in our forum that violate community guidelines", "content_moderation"),
    # role-play / interviewer
    Case("Conduct mock job interviews for software engineering candidates", "roleplay_interviewer"),
    Case("Role-play a difficult customer so sales reps can practice objection handling", "roleplay_interviewer"),
    # meeting / email
    Case("Turn meeting transcripts into minutes with action items and owners", "meeting_email_assistant"),
    Case("Draft replies to emails in my inbox and list follow-ups", "meeting_email_assistant"),
    # grading
    Case("Grade student essays against the attached rubric and give feedback", "grader"),
    Case("LLM-as-judge that scores each chatbot answer for accuracy on a 1-5 scale", "grader"),
    # general fallback
    Case("A friendly assistant for everyday questions", "general_assistant"),
    Case("Help people plan weekend trips", "general_assistant"),
    Case("Recommend recipes based on what is in the fridge", "general_assistant"),
)
