"""Task-only briefs in the voice of real users (short, lowercase, messy), each with its expected primary archetype.

Unlike `briefs.py`, these are not written to hit the classifier's phrases: they are what people actually type
into `POST /api/v1/generate` with nothing but `{"task": ...}`.
"""

from __future__ import annotations

from tests.unit.engine.briefs import Case

REALISTIC: tuple[Case, ...] = (
    # customer support
    Case("help our support team reply to angry customers about late deliveries", "customer_support"),
    Case("zendesk bot for our shopify store - order status, returns, refunds", "customer_support"),
    Case("customer support bot for a bank, must never give financial advice", "customer_support"),
    Case("chat widget for Acme's billing app that handles failed payments and plan changes", "customer_support"),
    # document QA (often blended with support)
    Case(
        "Answer customer questions about Acme's billing app using the help-center article provided",
        "document_qa",
    ),
    Case("bot that answers questions about our employee handbook", "document_qa"),
    Case("answer customer questions about our app using the help center articles", "document_qa"),
    Case("FAQ bot for Contoso's shipping policy", "document_qa"),
    Case("answer questions about the attached 10-K and cite page numbers", "document_qa"),
    Case("keep our docs site Q&A grounded in the knowledge base, no making stuff up", "document_qa"),
    Case("a bot that answers HR questions from our policy docs and says when it doesn't know", "document_qa"),
    # coding
    Case("explain python errors to beginners and show the fix", "coding_assistant"),
    Case("write unit tests for legacy node code", "coding_assistant"),
    Case("bash one-liner helper for our devops team", "coding_assistant"),
    # code review
    Case("review my team's PRs and point out anything that could break prod", "code_reviewer"),
    Case("look at terraform diffs and flag risky changes before apply", "code_reviewer"),
    # SQL
    Case("sql helper for our postgres analytics db", "sql_analyst"),
    Case("data analyst that answers questions about our snowflake tables", "sql_analyst"),
    # agent
    Case("an agent that books meetings using the calendar tool", "tool_agent"),
    Case("agent that reads bug reports from slack and creates jira issues with the jira tool", "tool_agent"),
    # research
    Case("competitive analysis of note-taking apps for our PM team", "research_analyst"),
    Case("a research assistant that finds papers on LLM evaluation and summarizes the evidence", "research_analyst"),
    # extraction
    Case("pull name, company, email and phone out of email signatures", "data_extraction"),
    Case("get the line items, totals and due date from PDF invoices into json", "data_extraction"),
    Case("turn job postings into structured data: title, location, salary range, remote or not", "data_extraction"),
    # classification
    Case("write a bot that triages github issues into bug/feature/question", "classification"),
    Case("route inbound emails to sales, support or billing", "classification"),
    Case("tag incoming leads as hot, warm or cold based on the form answers", "classification"),
    Case("go through app store reviews and tell me if they're positive or negative", "classification"),
    # moderation
    Case("moderate comments on a kids' forum", "content_moderation"),
    Case("detect spam and scam messages in our marketplace chat", "content_moderation"),
    # summarisation
    Case("summarize sales call transcripts for the account exec", "summarization"),
    Case("TL;DR for long jira tickets", "summarization"),
    Case("give me the gist of long slack threads i missed", "summarization"),
    # tutor
    Case("help me study for the AWS SA exam", "tutor"),
    Case("quiz me on biology flashcards", "tutor"),
    Case("practice spanish conversation with me and correct my mistakes", "tutor"),
    # grading / evaluation
    Case("grade essays against a rubric", "grader"),
    Case("score chatbot responses for helpfulness and accuracy, LLM-as-judge", "grader"),
    # writing
    Case("make my emails sound less passive aggressive", "writing_editor"),
    Case("fix grammar and typos in our support macros", "writing_editor"),
    # translation
    Case("convert english product descriptions to german, keep the brand voice", "translation"),
    Case("localize our ios app strings to french", "translation"),
    # marketing
    Case("draft cold outreach emails", "marketing_copy"),
    Case("instagram captions for a coffee shop", "marketing_copy"),
    Case("write product descriptions for our shopify store from the spec sheet", "marketing_copy"),
    # role-play
    Case("mock behavioral interviews for PM roles", "roleplay_interviewer"),
    Case("simulate an angry customer so new support reps can practice", "roleplay_interviewer"),
    # meetings and email
    Case("turn standup notes into a slack update with blockers", "meeting_email_assistant"),
    Case("meeting notes -> action items with owners and dates", "meeting_email_assistant"),
    # general
    Case("recommend a movie for tonight", "general_assistant"),
    Case("help me write a toast for my sister's wedding", "general_assistant"),
    Case("trip planner for a travel agency", "general_assistant"),
)
