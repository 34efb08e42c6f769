create table survey_answers (respondent integer, question varchar(5), score numeric(6, 3));
insert into survey_answers values
    (1, 'q1', 0.100), (2, 'q1', 0.250), (3, 'q1', -1.100),
    (1, 'q2', 3.333), (2, 'q2', null), (3, 'q3', null);
