"""WTForms classes: every form carries a CSRF token (Flask-WTF)."""
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp

from web.models import ROLES

USERNAME_RULE = Regexp(r"^[a-z0-9_.-]+$", message="Use lower-case letters, digits, dots, dashes or underscores.")


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=64)],
                           render_kw={"autocomplete": "username", "autocapitalize": "none"})
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)],
                             render_kw={"autocomplete": "current-password"})
    remember = BooleanField("Keep me signed in on this device")
    submit = SubmitField("Sign in")


class LogoutForm(FlaskForm):
    submit = SubmitField("Sign out")


class JoinCohortForm(FlaskForm):
    join_code = StringField("Join code", validators=[DataRequired(), Length(min=4, max=16)],
                            render_kw={"autocomplete": "off", "autocapitalize": "characters"})
    submit = SubmitField("Join cohort")


class CohortForm(FlaskForm):
    name = StringField("Cohort name", validators=[DataRequired(), Length(max=120)])
    submit = SubmitField("Create cohort")


class AddLearnerForm(FlaskForm):
    username = StringField("Learner's username", validators=[DataRequired(), Length(max=64)])
    submit = SubmitField("Invite learner")


class InvitationForm(FlaskForm):
    accept = SubmitField("Accept and join")
    decline = SubmitField("Decline")


class UserForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(min=3, max=64), USERNAME_RULE])
    full_name = StringField("Full name", validators=[DataRequired(), Length(max=120)])
    email = EmailField("Email", validators=[Optional(), Email(), Length(max=254)])
    role = SelectField("Role", choices=[SelectChoice(r, "IQA" if r == "iqa" else r.capitalize()) for r in ROLES])
    password = PasswordField("Password", validators=[DataRequired(), Length(min=10, max=200)],
                             render_kw={"autocomplete": "new-password"})
    submit = SubmitField("Create user")


class CsrfForm(FlaskForm):
    """Only the CSRF token: for a button that posts nothing else (start an export, restart a job)."""


class ToggleUserForm(FlaskForm):
    submit = SubmitField("Change")


class RoleForm(FlaskForm):
    role = SelectField("New role", choices=[SelectChoice(r, "IQA" if r == "iqa" else r.capitalize()) for r in ROLES])
    submit = SubmitField("Change role")


class PasswordResetForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired(), Length(min=10, max=200)],
                             render_kw={"autocomplete": "new-password"})
    submit = SubmitField("Set password")


class CommentForm(FlaskForm):
    text = TextAreaField("Comment", validators=[DataRequired(), Length(max=5000)])
    submit = SubmitField("Save comment")


class ModerationForm(FlaskForm):
    criterion = StringField("Criterion", validators=[DataRequired(), Length(max=32)])
    level = SelectField("New level", choices=[SelectChoice(v, l) for v, l in
                                              (("2", "2 clearly shown"), ("1", "1 partly shown"), ("0", "0 not shown"),
                                               ("pass", "pass"), ("fail", "fail"), ("na", "n/a"))])
    comment = TextAreaField("Why you changed it", validators=[DataRequired(), Length(max=2000)])
    submit = SubmitField("Save moderation")


class SignOffForm(FlaskForm):
    comment = TextAreaField("Assessor comment", validators=[Optional(), Length(max=2000)])
    submit = SubmitField("Sign off as evidence")


class AttachAssessorForm(FlaskForm):
    username = StringField("Assessor's username", validators=[DataRequired(), Length(max=64)])
    submit = SubmitField("Attach assessor")


class AttachIqaForm(FlaskForm):
    username = StringField("IQA's username", validators=[DataRequired(), Length(max=64)])
    submit = SubmitField("Attach IQA")
